package dev.handoff.app.cli.plot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** When the sweep plot switches an axis to log scale. */
class SweepChartTest {
    @Test
    void logScaleOnlyForPositiveValuesSpanningMoreThanADecade() {
        assertThat(SweepChart.logScale(Arrays.asList(1000.0, 10000.0, 100000.0))).isTrue();
        assertThat(SweepChart.logScale(Arrays.asList(0.5, 1.0, 3.5))).isFalse();
        assertThat(SweepChart.logScale(Arrays.asList(0.0, 10.0, 1000.0))).isFalse();
        assertThat(SweepChart.logScale(Arrays.asList(-1.0, 100.0))).isFalse();
        assertThat(SweepChart.logScale(Arrays.asList(5.0, null, 400.0))).isTrue();
    }

    @Test
    void logTicksAreLabelledAtOneTwoFiveTimesPowersOfTen() {
        RoundLogAxis axis = new RoundLogAxis("delivery time");
        axis.setRange(4, 400);
        java.util.List<?> ticks = axis.refreshTicks(null, null, null, org.jfree.chart.ui.RectangleEdge.LEFT);
        java.util.List<String> labels = ticks.stream().map(t -> ((org.jfree.chart.axis.ValueTick) t).getText())
                .filter(t -> !t.isEmpty()).toList();
        assertThat(labels).containsExactly("5", "10", "20", "50", "100", "200");
        assertThat(ticks).hasSize(19); // 4..9, 10..90 and 100..400: the 13 unlabelled are minor ticks
    }

    @Test
    void logLabelKeepsTheUnitInsideOneParenthesis() {
        assertThat(SweepChart.logLabel("delivery time (time units)")).isEqualTo("delivery time (time units, log scale)");
        assertThat(SweepChart.logLabel("T")).isEqualTo("T (log scale)");
    }
}
