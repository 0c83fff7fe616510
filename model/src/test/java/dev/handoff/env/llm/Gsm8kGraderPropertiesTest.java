package dev.handoff.env.llm;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm8kGraderPropertiesTest {
    private static final DecimalFormat COMMAS = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));

    @Property(tries = 300)
    void anyWayOfWritingTheFinalAmountGradesAsThatNumber(@ForAll @LongRange(min = -9_999_999, max = 9_999_999) long n,
                                                         @ForAll @IntRange(min = 0, max = 5) int style,
                                                         @ForAll @IntRange(min = 0, max = 999) int distractor) {
        String written = switch (style) {
            case 0 -> Long.toString(n);
            case 1 -> COMMAS.format(n);
            case 2 -> (n < 0 ? "-$" + COMMAS.format(-n) : "$" + COMMAS.format(n)) + ".00";
            case 3 -> n + ".";
            case 4 -> n + "%";
            default -> n + ".0 dollars";
        };
        String solution = "First " + distractor + " and " + (distractor + 7) + " items.\nSo the total is " + written;
        assertThat(Gsm8kGrader.finalNumber(solution)).isEqualTo((double) n);
        assertThat(Gsm8kGrader.isCorrect(solution + "\n#### " + COMMAS.format(n), n)).isTrue();
        assertThat(Gsm8kGrader.isCorrect("#### " + written + "\nthen " + distractor, n)).isTrue();
    }
}
