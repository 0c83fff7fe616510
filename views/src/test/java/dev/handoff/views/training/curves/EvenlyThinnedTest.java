package dev.handoff.views.training.curves;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvenlyThinnedTest {
    @Test
    void keepsEverySampleUntilFullThenAnEvenlySpacedHalf() {
        EvenlyThinned<Integer> list = new EvenlyThinned<>(8);
        IntStream.range(0, 8).forEach(list::offer);
        assertThat(list.samples()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        assertThat(list.offer(8)).isTrue();
        assertThat(list.offer(9)).isFalse();
        assertThat(list.samples()).containsExactly(0, 2, 4, 6, 8);

        IntStream.range(10, 1000).forEach(list::offer);
        assertThat(list.samples()).hasSizeBetween(4, 8).startsWith(0);
        int step = list.samples().get(1) - list.samples().get(0);
        for (int i = 1; i < list.samples().size(); i++) {
            assertThat(list.samples().get(i) - list.samples().get(i - 1)).isEqualTo(step);
        }
        list.clear();
        assertThat(list.samples()).isEmpty();
        assertThat(list.offer(5)).isTrue();
    }
}
