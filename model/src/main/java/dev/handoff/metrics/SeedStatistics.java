package dev.handoff.metrics;

/**
 * Mean and two-sided 95% confidence half-width of a small sample across seeds (Student t), as the dashboard and the
 * sweep tables report them.
 */
public record SeedStatistics(int n, double mean, double standardDeviation, double ci95) {
    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
            2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
            2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

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

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom (table to 30, then the normal 1.96). */
    public static double tQuantile975(int df) {
        return df < T975.length ? T975[df] : 1.96 + 2.4 / df;
    }
}
