package dev.handoff.views.training.curves;

import dev.handoff.metrics.SeedStatistics;

import java.util.List;

/**
 * A learning curve aggregated across seeds: at each point the mean and the t-based 95% confidence band (the same
 * statistics as the run summaries). Seeds are aligned by point index; a point is kept while at least one seed has it.
 */
public record SeedBand(double[] x, double[] mean, double[] lower, double[] upper, int[] seeds) {
    public int size() {
        return x.length;
    }

    /** Aggregates per-seed curves (x from the first seed that reaches each point). */
    public static SeedBand of(List<SeriesBuffer> perSeed, double smoothing) {
        int n = 0;
        for (SeriesBuffer s : perSeed) {
            n = Math.max(n, s.size());
        }
        double[][] ys = new double[perSeed.size()][];
        for (int k = 0; k < ys.length; k++) {
            SeriesBuffer s = perSeed.get(k);
            ys[k] = smoothing > 0 ? Smoothing.exponential(s.ys(), s.size(), smoothing) : s.ys();
        }
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        int[] count = new int[n];
        double[] sample = new double[perSeed.size()];
        for (int i = 0; i < n; i++) {
            int m = 0;
            x[i] = Double.NaN;
            for (int k = 0; k < ys.length; k++) {
                SeriesBuffer s = perSeed.get(k);
                if (i < s.size()) {
                    if (Double.isNaN(x[i])) {
                        x[i] = s.x(i);
                    }
                    sample[m++] = ys[k][i];
                }
            }
            SeedStatistics st = SeedStatistics.of(java.util.Arrays.copyOf(sample, m));
            mean[i] = st.mean();
            lo[i] = st.mean() - st.ci95();
            hi[i] = st.mean() + st.ci95();
            count[i] = st.n();
        }
        return new SeedBand(x, mean, lo, hi, count);
    }
}
