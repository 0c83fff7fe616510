package dev.handoff.train;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a training seed writes its checkpoint between chunks, besides at the end (and, in the dashboard, at each pause):
 * every {@code everyHandoffs} handoffs (0: not by count) and every {@code everyWallTime} of wall time (zero: not by
 * time), so a killed run loses at most that much work.
 */
public record Checkpointing(long everyHandoffs, Duration everyWallTime) {
    /** The wall-time interval unless the user asks otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    public Checkpointing {
        if (everyHandoffs < 0 || everyWallTime == null || everyWallTime.isNegative()) {
            throw new IllegalArgumentException("checkpoint intervals must be ≥ 0");
        }
    }

    /** Every {@link #DEFAULT_INTERVAL} of wall time, not by handoff count. */
    public static Checkpointing defaults() {
        return new Checkpointing(0, DEFAULT_INTERVAL);
    }

    /** Only at the end (and at pauses). */
    public static Checkpointing atEndOnly() {
        return new Checkpointing(0, Duration.ZERO);
    }

    /** A fresh schedule for one run. */
    Schedule schedule() {
        return new Schedule();
    }

    /** Tracks, per seed, when its next periodic checkpoint is due. Thread-safe; one seed is asked about on one thread at a time. */
    final class Schedule {
        private final Map<SeedRun, Long> nextAtHandoffs = new ConcurrentHashMap<>();
        private final Map<SeedRun, Long> lastNanos = new ConcurrentHashMap<>();

        /** Starts counting for {@code trainers} as they are now (before the run starts). */
        void begin(Iterable<? extends SeedRun> trainers, long nowNanos) {
            for (SeedRun t : trainers) {
                written(t, nowNanos);
            }
        }

        /** Whether {@code t}, between chunks, should write a checkpoint now; if so, the next one is scheduled. */
        boolean due(SeedRun t, long nowNanos) {
            if (t.finished()) {
                return false; // the end writes it
            }
            boolean byCount = everyHandoffs > 0 && t.handoffs() >= nextAtHandoffs.getOrDefault(t, Long.MAX_VALUE);
            boolean byTime = !everyWallTime.isZero()
                    && nowNanos - lastNanos.getOrDefault(t, nowNanos) >= everyWallTime.toNanos();
            if (byCount || byTime) {
                written(t, nowNanos);
                return true;
            }
            return false;
        }

        /** Records that {@code t} was just checkpointed (also at a pause). */
        void written(SeedRun t, long nowNanos) {
            if (everyHandoffs > 0) {
                nextAtHandoffs.put(t, (t.handoffs() / everyHandoffs + 1) * everyHandoffs);
            }
            lastNanos.put(t, nowNanos);
        }
    }
}
