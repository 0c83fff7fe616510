package dev.handoff.sweep;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress lines of a running sweep, the same for every engine: cells done out of the total (counting those resumed
 * from the folder), the cell just finished, time elapsed and an estimate of the time left from the pace of the cells
 * measured in this run. Safe to call from several threads.
 */
public final class SweepProgress {
    private final String axis;
    private final int total;
    private final int resumed;
    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private final long t0;
    private final AtomicInteger measured = new AtomicInteger();

    public SweepProgress(String axis, int total, int resumed, Consumer<String> out) {
        this(axis, total, resumed, out, System::nanoTime);
    }

    SweepProgress(String axis, int total, int resumed, Consumer<String> out, LongSupplier nanoClock) {
        this.axis = axis;
        this.total = total;
        this.resumed = resumed;
        this.out = out;
        this.nanoClock = nanoClock;
        this.t0 = nanoClock.getAsLong();
    }

    /** Cells finished so far, resumed ones included. */
    public int done() {
        return resumed + measured.get();
    }

    public int total() {
        return total;
    }

    /** Reports one more finished cell and returns its progress line (also sent to the consumer, if any). */
    public String cellDone(SweepCell cell) {
        int k = measured.incrementAndGet();
        double elapsed = (nanoClock.getAsLong() - t0) / 1e9;
        int left = total - resumed - k;
        double eta = left <= 0 ? 0 : elapsed / k * left;
        String line = String.format(Locale.ROOT, "sweep %s: %d/%d cells done%s (%s); %s elapsed, ETA %s", axis,
                resumed + k, total, resumed > 0 ? " (" + resumed + " resumed)" : "", cell.describe(axis),
                duration(elapsed), duration(eta));
        if (out != null) {
            out.accept(line);
        }
        return line;
    }

    /** 4.2s, 3m07s, 2h05m. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
