package dev.handoff.metrics;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Mean and two-sided 95% confidence half-width of a small sample across seeds (Student t, from Apache Commons Math), as
 * the dashboard and the sweep tables report them.
 */
public record SeedStatistics(int n, double mean, double standardDeviation, double ci95) {
    /** Quantiles computed so far, by degrees of freedom (the dashboard asks for the same few many times a second). */
    private static final AtomicReferenceArray<Double> T975 = new AtomicReferenceArray<>(1024);

    public static SeedStatistics of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double ci = n > 1 ? tQuantile975(n - 1) * sd / Math.sqrt(n) : 0;
        return new SeedStatistics(n, mean, sd, ci);
    }

    /** The 97.5% quantile of Student's t with {@code df} ≥ 1 degrees of freedom. */
    public static double tQuantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("Student's t needs at least one degree of freedom");
        }
        if (df >= T975.length()) {
            return new TDistribution(df).inverseCumulativeProbability(0.975);
        }
        Double t = T975.get(df);
        if (t == null) {
            t = new TDistribution(df).inverseCumulativeProbability(0.975);
            T975.set(df, t);
        }
        return t;
    }
}
