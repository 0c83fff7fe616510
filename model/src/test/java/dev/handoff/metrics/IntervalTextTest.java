package dev.handoff.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalTextTest {
    @Test
    void aSingleSeedHasNoIntervalAndSaysSo() {
        assertThat(IntervalText.meanCi(SeedStatistics.of(-9.804), 3)).isEqualTo("-9.804 (n = 1, no interval)");
        assertThat(IntervalText.seeds(1)).isEqualTo("1 seed");
    }

    @Test
    void twoOrMoreSeedsShowTheStudentTHalfWidth() {
        SeedStatistics s = SeedStatistics.of(1.0, 2.0, 3.0);
        assertThat(IntervalText.meanCi(s, 3)).isEqualTo(String.format(java.util.Locale.ROOT, "2.000 ± %.3f", s.ci95()));
        assertThat(s.ci95()).isCloseTo(4.30265273 / Math.sqrt(3), org.assertj.core.api.Assertions.within(1e-7)); // t(2), 0.975
        assertThat(IntervalText.seeds(3)).isEqualTo("3 seeds");
    }
}
