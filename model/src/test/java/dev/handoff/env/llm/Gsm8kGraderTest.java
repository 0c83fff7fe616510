package dev.handoff.env.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Gsm8kGraderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "She makes $18 every day.\\n#### 18|18",
            "So the total is 1,450,000.|1450000",
            "She pays $18.00 in total.|18",
            "The answer is 18.|18",
            "The discount is 25%.|25",
            "It dropped to -3 degrees.|-3",
            "from 16-3-4=9 eggs|9",
            "The total is $1,234.50 today.|1234.5",
            "Half of it is .5 of a pie|0.5",
            "He has 12 apples and 30 pears.\\nA: 12|12",
            "#### 64\\n\\nSome trailing chatter about 3 things.|64",
            "The answer is 7 apples, which cost 21 dollars.|7",
    })
    void finalNumberFollowsTheGsm8kRule(String text, double expected) {
        assertThat(Gsm8kGrader.finalNumber(text.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @Test
    void textWithoutANumberHasNoFinalNumber() {
        assertThat(Gsm8kGrader.finalNumber("I cannot tell.")).isNaN();
        assertThat(Gsm8kGrader.finalNumber("")).isNaN();
        assertThat(Gsm8kGrader.isCorrect("no idea", 0)).isFalse();
    }

    @Test
    void hashMarkerWinsOverALaterNumber() {
        assertThat(Gsm8kGrader.finalNumber("#### 5\nThat was 6 steps")).isEqualTo(5);
    }

    @Test
    void decimalsEqualToTheGoldAreCorrectWhenRegraded() {
        assertThat(Gsm8kGrader.isCorrect("Kylar pays $64.00 in total.", 64)).isTrue();
        assertThat(Gsm8kGrader.isCorrect("Kylar pays $64.50 in total.", 64)).isFalse();
    }

    @Test
    void lastIntegerRuleMarksDollarCentsWrongAsRouteLlmDid() {
        assertThat(Gsm8kGrader.lastIntegerCorrect("She makes $18.00 every day.", "18")).isFalse();
        assertThat(Gsm8kGrader.lastIntegerCorrect("She makes $18 every day.", "18")).isTrue();
        assertThat(Gsm8kGrader.lastIntegerCorrect("It costs 1,450,000 dollars", "1,450,000")).isTrue();
        // signs are ignored by the last-integer rule
        assertThat(Gsm8kGrader.lastIntegerCorrect("#### -3", "-3")).isTrue();
    }

    @Test
    void finalAnswerMarkerIsDetected() {
        assertThat(Gsm8kGrader.hasFinalAnswerMarker("so 9 eggs\n#### 9\n")).isTrue();
        assertThat(Gsm8kGrader.hasFinalAnswerMarker("9 * 2 = 18\nA: 18")).isTrue();
        assertThat(Gsm8kGrader.hasFinalAnswerMarker("She makes 18 dollars.")).isFalse();
        assertThat(Gsm8kGrader.hasFinalAnswerMarker("2 + <<2*3=")).isFalse();
    }

    @Test
    void goldNumberIsTheNumberAfterTheHashes() {
        assertThat(Gsm8kGrader.goldNumber("9 * 2 = <<9*2=18>>18\n#### 1,800")).isEqualTo(1800);
        assertThatThrownBy(() -> Gsm8kGrader.goldNumber("no marker")).isInstanceOf(IllegalArgumentException.class);
    }
}
