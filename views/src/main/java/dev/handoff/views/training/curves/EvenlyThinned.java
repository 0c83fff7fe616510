package dev.handoff.views.training.curves;

import java.util.ArrayList;
import java.util.List;

/**
 * A list for a long run's samples that holds at most {@code capacity} of them, evenly spaced: every sample until full,
 * then every other one kept and every second new one taken (then every fourth, …), as {@link SeriesBuffer} does for
 * primitive points. Which samples stay depends only on how many were offered (issue 13: flat memory over any run).
 */
public final class EvenlyThinned<T> {
    private final int capacity;
    private final List<T> kept = new ArrayList<>();
    private long stride = 1;
    private long offered;

    public EvenlyThinned(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Offers the next sample; returns whether it is kept. */
    public boolean offer(T sample) {
        if (offered++ % stride != 0) {
            return false;
        }
        if (kept.size() == capacity) {
            for (int i = 0; i < capacity / 2; i++) {
                kept.set(i, kept.get(2 * i));
            }
            kept.subList(capacity / 2, capacity).clear();
            stride *= 2;
            if ((offered - 1) % stride != 0) {
                return false;
            }
        }
        kept.add(sample);
        return true;
    }

    /** The kept samples, oldest first (a view: do not modify). */
    public List<T> samples() {
        return java.util.Collections.unmodifiableList(kept);
    }

    public void clear() {
        kept.clear();
        stride = 1;
        offered = 0;
    }
}
