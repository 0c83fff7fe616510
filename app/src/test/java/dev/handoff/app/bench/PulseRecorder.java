package dev.handoff.app.bench;

import javafx.animation.AnimationTimer;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Records the interval between JavaFX pulses (one frame each) while it runs, on the FX thread: what a user feels as the
 * app's frame time. Optionally calls {@code onFrame} with the frame number each pulse, to drive an animation from the
 * pulse itself. Start and stop on the FX thread.
 */
final class PulseRecorder extends AnimationTimer {
    private final long[] intervals;
    private final LongConsumer onFrame;
    private volatile int count;
    private long last;
    private long frames;

    PulseRecorder(int capacity, LongConsumer onFrame) {
        this.intervals = new long[capacity];
        this.onFrame = onFrame;
    }

    @Override
    public void handle(long now) {
        if (last != 0 && count < intervals.length) {
            intervals[count++] = now - last;
        }
        last = now;
        if (onFrame != null) {
            onFrame.accept(frames);
        }
        frames++;
    }

    /** Frames recorded so far (read on the FX thread). */
    int intervalsRecorded() {
        return count;
    }

    /** The recorded intervals' summary. */
    Summary summary() {
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalStateException("no pulse was recorded");
        }
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new Summary(sorted.length, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, mean);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * quantile) - 1)] / 1e6;
    }

    /** Pulse intervals in milliseconds. */
    record Summary(int pulses, double p50, double p99, double max, double mean) {
        double meanFps() {
            return 1000 / mean;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d pulses, interval p50 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms (%.1f fps)",
                    pulses, p50, p99, max, mean, meanFps());
        }
    }
}
