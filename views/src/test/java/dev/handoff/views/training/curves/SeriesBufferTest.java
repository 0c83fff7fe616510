package dev.handoff.views.training.curves;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A series stays within its capacity however long the run, evenly spaced from the first point, seeds aligned. */
class SeriesBufferTest {
    @Test
    void aMillionPointsKeepAtMostCapacityEvenlySpacedFromTheFirst() {
        SeriesBuffer s = new SeriesBuffer();
        for (int k = 0; k < 1_000_000; k++) {
            s.add(50_000.0 * (k + 1), k);
        }
        assertThat(s.size()).isBetween(SeriesBuffer.CAPACITY / 2, SeriesBuffer.CAPACITY);
        assertThat(s.x(0)).isEqualTo(50_000.0);
        double step = s.x(1) - s.x(0);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.x(i) - s.x(i - 1)).isEqualTo(step);
            assertThat(s.y(i)).isEqualTo(s.x(i) / 50_000.0 - 1); // kept points are real points, not averages
        }
        assertThat(s.x(s.size() - 1)).isGreaterThan(1_000_000 * 50_000.0 - 2 * step);
        assertThat(s.lastY()).isEqualTo(999_999);
    }

    @Test
    void shortSeriesKeepEveryPointAndSeedsWithTheSameCountStayAligned() {
        SeriesBuffer a = new SeriesBuffer();
        SeriesBuffer b = new SeriesBuffer();
        for (int k = 0; k < 700; k++) {
            a.add(k, k);
        }
        assertThat(a.size()).isEqualTo(700);
        for (int k = 0; k < 5_000; k++) {
            b.add(k, -k);
        }
        for (int k = 700; k < 5_000; k++) {
            a.add(k, k);
        }
        assertThat(a.xs()).containsExactly(b.xs());
        a.clear();
        assertThat(a.size()).isZero();
        assertThat(a.lastY()).isNaN();
    }
}
