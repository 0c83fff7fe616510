package dev.handoff.env.routing;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;

import java.util.Arrays;

/**
 * Delivery statistics of a routing run: delivered and dropped packets, average delivery time and routing accuracy
 * (the share of delivered packets whose route was a shortest path), in total since the last {@link #clear()} and per
 * window of simulated time. Recording a packet allocates nothing; the per-window arrays grow once per window.
 */
public final class RoutingMetrics implements Checkpointable {
    private final double window;
    private long delivered;
    private long dropped;
    private long onShortestPath;
    private double deliveryTimeSum;
    private double since;

    private int windows;
    private long[] windowDelivered = new long[64];
    private long[] windowDropped = new long[64];
    private long[] windowShortest = new long[64];
    private double[] windowTimeSum = new double[64];

    /** @param window the length of one time-series window in simulated time units */
    public RoutingMetrics(double window) {
        if (!(window > 0)) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
    }

    void recordDelivery(double now, double deliveryTime, boolean shortest) {
        int w = windowAt(now);
        delivered++;
        deliveryTimeSum += deliveryTime;
        windowDelivered[w]++;
        windowTimeSum[w] += deliveryTime;
        if (shortest) {
            onShortestPath++;
            windowShortest[w]++;
        }
    }

    void recordDrop(double now) {
        int w = windowAt(now); // first: it may grow the arrays
        dropped++;
        windowDropped[w]++;
    }

    private int windowAt(double now) {
        int w = (int) Math.floor((now - since) / window);
        if (w < 0) {
            w = 0;
        }
        if (w >= windowDelivered.length) {
            int len = Math.max(w + 1, windowDelivered.length * 2);
            windowDelivered = Arrays.copyOf(windowDelivered, len);
            windowDropped = Arrays.copyOf(windowDropped, len);
            windowShortest = Arrays.copyOf(windowShortest, len);
            windowTimeSum = Arrays.copyOf(windowTimeSum, len);
        }
        windows = Math.max(windows, w + 1);
        return w;
    }

    /** Forgets everything recorded so far; windows now count from simulated time {@code now} (e.g. after a warm-up). */
    public void clear(double now) {
        delivered = 0;
        dropped = 0;
        onShortestPath = 0;
        deliveryTimeSum = 0;
        since = now;
        windows = 0;
        Arrays.fill(windowDelivered, 0);
        Arrays.fill(windowDropped, 0);
        Arrays.fill(windowShortest, 0);
        Arrays.fill(windowTimeSum, 0);
    }

    /** Writes every accumulator (totals and the per-window arrays) so a resumed run reports the same series. */
    @Override
    public void saveState(StateWriter out) {
        out.putDouble(window).putLong(delivered).putLong(dropped).putLong(onShortestPath).putDouble(deliveryTimeSum)
                .putDouble(since).putInt(windows);
        out.putLongs(windowDelivered).putLongs(windowDropped).putLongs(windowShortest).putDoubles(windowTimeSum);
    }

    @Override
    public void restoreState(StateReader in) {
        double w = in.getDouble();
        if (Double.doubleToRawLongBits(w) != Double.doubleToRawLongBits(window)) {
            throw new CheckpointException("the checkpoint's routing metrics use windows of " + w + ", not " + window);
        }
        delivered = in.getLong();
        dropped = in.getLong();
        onShortestPath = in.getLong();
        deliveryTimeSum = in.getDouble();
        since = in.getDouble();
        windows = in.getInt();
        windowDelivered = in.getLongs(-1);
        windowDropped = in.getLongs(windowDelivered.length);
        windowShortest = in.getLongs(windowDelivered.length);
        windowTimeSum = in.getDoubles(windowDelivered.length);
        if (windows < 0 || windows > windowDelivered.length) {
            throw new CheckpointException("the checkpoint's routing metrics are inconsistent");
        }
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    /** Mean delivery time of the packets delivered (NaN when none was). */
    public double meanDeliveryTime() {
        return delivered == 0 ? Double.NaN : deliveryTimeSum / delivered;
    }

    /** Share of delivered packets whose route was a shortest path (NaN when none was delivered). */
    public double routingAccuracy() {
        return delivered == 0 ? Double.NaN : (double) onShortestPath / delivered;
    }

    public double window() {
        return window;
    }

    /** The time series, one point per window of simulated time since the last clear. */
    public Series series() {
        double[] t = new double[windows];
        double[] mean = new double[windows];
        double[] acc = new double[windows];
        long[] del = Arrays.copyOf(windowDelivered, windows);
        long[] drop = Arrays.copyOf(windowDropped, windows);
        for (int w = 0; w < windows; w++) {
            t[w] = since + (w + 1) * window;
            mean[w] = del[w] == 0 ? Double.NaN : windowTimeSum[w] / del[w];
            acc[w] = del[w] == 0 ? Double.NaN : (double) windowShortest[w] / del[w];
        }
        return new Series(t, mean, del, drop, acc);
    }

    /**
     * Routing metrics over time: for each window ending at {@code time[w]}, the mean delivery time, the packets
     * delivered and dropped, and the routing accuracy.
     */
    public record Series(double[] time, double[] meanDeliveryTime, long[] delivered, long[] dropped,
                         double[] routingAccuracy) {
    }
}
