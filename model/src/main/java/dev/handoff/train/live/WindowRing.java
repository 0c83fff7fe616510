package dev.handoff.train.live;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * A fixed-size, lock-free ring that trainer threads append to and one reader (the UI's animation timer) drains. When
 * the reader falls behind, new items are dropped and counted rather than blocking a trainer: the full-resolution
 * record lives elsewhere (the run folder's files).
 */
public final class WindowRing<T> {
    private final Object[] items;
    private final AtomicLongArray sequence;
    private final int mask;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long head;

    /** A ring holding up to {@code capacity} items (rounded up to a power of two). */
    public WindowRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        items = new Object[size];
        sequence = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            sequence.set(i, i);
        }
        mask = size - 1;
    }

    /** Appends without blocking; returns false (and counts a drop) when the ring is full. Any thread. */
    public boolean offer(T item) {
        while (true) {
            long t = tail.get();
            int slot = (int) (t & mask);
            long seq = sequence.get(slot);
            if (seq == t) {
                if (tail.compareAndSet(t, t + 1)) {
                    items[slot] = item;
                    sequence.set(slot, t + 1);
                    return true;
                }
            } else if (seq < t) {
                dropped.incrementAndGet();
                return false;
            }
        }
    }

    /** Hands every item appended so far to {@code sink}, oldest first; returns how many. One reader thread only. */
    @SuppressWarnings("unchecked")
    public int drainTo(Consumer<? super T> sink) {
        int n = 0;
        while (true) {
            int slot = (int) (head & mask);
            if (sequence.get(slot) != head + 1) {
                return n;
            }
            T item = (T) items[slot];
            items[slot] = null;
            sequence.set(slot, head + items.length);
            head++;
            n++;
            sink.accept(item);
        }
    }

    public int capacity() {
        return items.length;
    }

    /** Items refused because the ring was full. */
    public long dropped() {
        return dropped.get();
    }
}
