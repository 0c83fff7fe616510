package dev.handoff.train.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ring the trainer writes and the UI drains: order kept, nothing blocks, overflow is dropped and counted. */
class WindowRingTest {
    @Test
    void drainsItemsOldestFirstAndOnlyOnce() {
        WindowRing<Integer> ring = new WindowRing<>(8);
        for (int i = 0; i < 5; i++) {
            assertThat(ring.offer(i)).isTrue();
        }
        List<Integer> got = new ArrayList<>();
        assertThat(ring.drainTo(got::add)).isEqualTo(5);
        assertThat(got).containsExactly(0, 1, 2, 3, 4);
        assertThat(ring.drainTo(got::add)).isZero();
    }

    @Test
    void fullRingRefusesAndCountsDropsThenAcceptsAfterDraining() {
        WindowRing<Integer> ring = new WindowRing<>(4);
        for (int i = 0; i < 4; i++) {
            assertThat(ring.offer(i)).isTrue();
        }
        assertThat(ring.offer(99)).isFalse();
        assertThat(ring.dropped()).isEqualTo(1);
        List<Integer> got = new ArrayList<>();
        ring.drainTo(got::add);
        assertThat(got).containsExactly(0, 1, 2, 3);
        assertThat(ring.offer(4)).isTrue();
        ring.drainTo(got::add);
        assertThat(got).endsWith(4);
    }

    @Test
    void concurrentWritersLoseNothingWhileTheReaderDrains() throws Exception {
        WindowRing<Integer> ring = new WindowRing<>(64);
        int writers = 3;
        int each = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int base = w * each;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (!ring.offer(base + i)) {
                        Thread.onSpinWait();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        BitSet seen = new BitSet();
        int[] count = {0};
        while (count[0] < writers * each) {
            ring.drainTo(v -> {
                assertThat(seen.get(v)).isFalse();
                seen.set(v);
                count[0]++;
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen.cardinality()).isEqualTo(writers * each);
    }
}
