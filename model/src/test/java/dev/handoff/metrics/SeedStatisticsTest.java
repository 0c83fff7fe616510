package dev.handoff.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Mean ± Student-t 95% half-width across seeds, with the exact t quantiles (published tables to 8 digits). */
class SeedStatisticsTest {
    @Test
    void tQuantilesMatchThePublishedValues() {
        assertThat(SeedStatistics.tQuantile975(1)).isCloseTo(12.7062047, within(1e-6));
        assertThat(SeedStatistics.tQuantile975(2)).isCloseTo(4.30265273, within(1e-7));
        assertThat(SeedStatistics.tQuantile975(9)).isCloseTo(2.26215716, within(1e-7));
        assertThat(SeedStatistics.tQuantile975(30)).isCloseTo(2.04227246, within(1e-7));
        assertThat(SeedStatistics.tQuantile975(100)).isCloseTo(1.98397152, within(1e-7));
        assertThat(SeedStatistics.tQuantile975(5000)).isCloseTo(1.96043859, within(1e-6)); // beyond the cache
        assertThatThrownBy(() -> SeedStatistics.tQuantile975(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfWidthIsTTimesTheStandardError() {
        SeedStatistics s = SeedStatistics.of(1, 2, 3, Double.NaN); // NaN is left out: n = 3
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.standardDeviation()).isEqualTo(1.0);
        assertThat(s.ci95()).isCloseTo(4.30265273 / Math.sqrt(3), within(1e-7));
        assertThat(SeedStatistics.of(5).ci95()).isZero();
        assertThat(SeedStatistics.of().mean()).isNaN();
    }
}
