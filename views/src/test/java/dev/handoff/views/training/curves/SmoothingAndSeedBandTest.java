package dev.handoff.views.training.curves;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Display smoothing keeps the raw data, and seed bands are the mean ± Student-t 95% half-width. */
class SmoothingAndSeedBandTest {
    private static SeriesBuffer series(double... ys) {
        SeriesBuffer s = new SeriesBuffer();
        for (int i = 0; i < ys.length; i++) {
            s.add((i + 1) * 100, ys[i]);
        }
        return s;
    }

    @Test
    void smoothingAveragesExponentiallyAndLeavesTheRawSeriesUntouched() {
        SeriesBuffer raw = series(0, 10, 10, Double.NaN, 10);
        double[] smooth = Smoothing.exponential(raw.ys(), raw.size(), 0.5);
        assertThat(smooth).containsExactly(0, 5, 7.5, 7.5, 8.75);
        assertThat(raw.y(1)).isEqualTo(10);
        assertThat(Smoothing.exponential(raw.ys(), raw.size(), 0)).startsWith(0, 10, 10);
    }

    @Test
    void bandIsMeanPlusMinusTQuantileTimesStandardError() {
        SeedBand b = SeedBand.of(List.of(series(1, 2), series(2, 4), series(3, 6)), 0);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.mean()).containsExactly(2, 4);
        // sd of {1,2,3} is 1; t(2, 0.975) = 4.30265273; half-width 4.30265273 / sqrt(3)
        assertThat(b.upper()[0] - b.mean()[0]).isCloseTo(4.30265273 / Math.sqrt(3), within(1e-7));
        assertThat(b.lower()[1]).isCloseTo(4 - 2 * 4.30265273 / Math.sqrt(3), within(1e-7));
        assertThat(b.x()).containsExactly(100, 200);
    }

    @Test
    void seedsOfDifferentLengthsAreAggregatedWhereTheyHaveData() {
        SeedBand b = SeedBand.of(List.of(series(1, 2, 3), series(3)), 0);
        assertThat(b.seeds()).containsExactly(2, 1, 1);
        assertThat(b.mean()).containsExactly(2, 2, 3);
        assertThat(b.upper()[2]).isEqualTo(3); // one seed: no band
    }
}
