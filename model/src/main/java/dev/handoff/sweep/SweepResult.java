package dev.handoff.sweep;

import dev.handoff.metrics.SeedStatistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a sweep measured: for every policy, metric, axis value and seed one number (NaN where the measurement had
 * none), and its summaries across seeds ({@link #series()}).
 */
public final class SweepResult {
    private final SweepDesign design;
    private final double[] values;
    private final List<Long> seeds;
    private final double[][][][] data; // [policy][metric][value][seed]
    private final double wallSeconds;

    SweepResult(SweepDesign design, double[] values, List<Long> seeds, double[][][][] data, double wallSeconds) {
        this.design = design;
        this.values = values.clone();
        this.seeds = List.copyOf(seeds);
        this.data = data;
        this.wallSeconds = wallSeconds;
    }

    public SweepDesign design() {
        return design;
    }

    public double[] values() {
        return values.clone();
    }

    public List<Long> seeds() {
        return seeds;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    /** The measurement of {@code policy}'s {@code metric} at value index {@code v} for seed index {@code s}. */
    public double value(int policy, int metric, int v, int s) {
        return data[policy][metric][v][s];
    }

    /** The per-seed measurements at one value. */
    public double[] seedValues(int policy, int metric, int v) {
        return data[policy][metric][v].clone();
    }

    /** Mean ± 95% CI over seeds of one metric of one policy at one value. */
    public SeedStatistics statistics(int policy, int metric, int v) {
        return SeedStatistics.of(data[policy][metric][v]);
    }

    /** One series per (metric, policy), metrics in design order and policies inside each metric. */
    public List<SweepSeries> series() {
        List<SweepSeries> out = new ArrayList<>();
        for (int m = 0; m < design.metrics().size(); m++) {
            SweepMetric metric = design.metrics().get(m);
            for (int p = 0; p < design.policies().size(); p++) {
                List<Double> mean = new ArrayList<>();
                List<Double> ci = new ArrayList<>();
                List<Integer> n = new ArrayList<>();
                for (int v = 0; v < values.length; v++) {
                    SeedStatistics st = statistics(p, m, v);
                    mean.add(finiteOrNull(st.mean()));
                    ci.add(finiteOrNull(st.ci95()));
                    n.add(st.n());
                }
                LogLogSlope.Result fit = LogLogSlope.fit(values, data[p][m], seeds);
                out.add(new SweepSeries(metric.id(), metric.label(), design.policies().get(p), mean, ci, n, fit.fit(),
                        fit.skipped()));
            }
        }
        return out;
    }

    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toString() {
        return "SweepResult[" + design.axis() + " " + Arrays.toString(values) + " × seeds " + seeds + "]";
    }
}
