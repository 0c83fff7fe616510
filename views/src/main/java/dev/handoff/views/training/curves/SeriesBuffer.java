package dev.handoff.views.training.curves;

import java.util.Arrays;

/** A growable (x, y) series of primitive doubles on the FX side: what the timer drained, at full resolution. */
public final class SeriesBuffer {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
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

    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }

    public void clear() {
        size = 0;
    }
}
