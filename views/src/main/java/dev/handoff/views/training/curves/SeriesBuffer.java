package dev.handoff.views.training.curves;

import java.util.Arrays;

/**
 * An (x, y) series of primitive doubles on the FX side, for display: what the timer drained, every point up to
 * {@link #CAPACITY}; past that it keeps every other point and from then on takes every second new one (then every
 * fourth, …), so a curve of any length holds at most {@code CAPACITY} evenly spaced points and the dashboard's memory
 * stays flat over a long run (issue 13; a chart is about a thousand pixels wide). Which points are kept depends only
 * on how many were added, so the curves of seeds that report at the same handoffs stay aligned point by point. The
 * full-resolution record is the run folder's {@code metrics.csv}.
 */
public final class SeriesBuffer {
    /** Most points a series holds. */
    public static final int CAPACITY = 1024;

    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;
    /** One point kept of every {@code stride} added. */
    private long stride = 1;
    private long added;
    private double lastY = Double.NaN;

    public void add(double x, double y) {
        lastY = y;
        if (added++ % stride != 0) {
            return;
        }
        if (size == CAPACITY) {
            for (int i = 0; i < CAPACITY / 2; i++) {
                xs[i] = xs[2 * i];
                ys[i] = ys[2 * i];
            }
            size = CAPACITY / 2;
            stride *= 2;
            if ((added - 1) % stride != 0) {
                return; // this point falls between the kept ones at the new spacing
            }
        }
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, Math.min(CAPACITY, size * 2));
            ys = Arrays.copyOf(ys, Math.min(CAPACITY, size * 2));
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The backing y array (read only; valid up to {@link #size()}). */
    double[] ys() {
        return ys;
    }

    /** A copy of the x values. */
    public double[] xs() {
        return Arrays.copyOf(xs, size);
    }

    /** The y values, smoothed for display with {@link Smoothing#exponential} when {@code weight} > 0 (a copy). */
    public double[] smoothed(double weight) {
        return weight > 0 ? Smoothing.exponential(ys, size, weight) : Arrays.copyOf(ys, size);
    }

    /** The y of the last point added (kept or not). */
    public double lastY() {
        return lastY;
    }

    public void clear() {
        size = 0;
        stride = 1;
        added = 0;
        lastY = Double.NaN;
    }
}
