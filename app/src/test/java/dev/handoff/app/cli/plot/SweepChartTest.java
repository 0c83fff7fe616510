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
}
