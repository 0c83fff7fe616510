package dev.handoff.metrics;

import java.util.Locale;

/**
 * How a mean over seeds is written for people: {@code 2.692 ± 0.001} (the Student-t 95% half-width of
 * {@link SeedStatistics}) when there are at least two seeds, and {@code -9.804 (n = 1, no interval)} for a single seed,
 * which has no confidence interval (a "± 0.000" would claim a certainty one seed cannot give).
 */
public final class IntervalText {
    private IntervalText() {
    }

    /** {@code mean ± ci95} with {@code decimals} decimals, or the mean alone with "(n = 1, no interval)" under two seeds. */
    public static String meanCi(double mean, double ci95, int n, int decimals) {
        String f = "%." + decimals + "f";
        if (n < 2 || Double.isNaN(ci95)) {
            return String.format(Locale.ROOT, f + " (n = %d, no interval)", mean, n);
        }
        return String.format(Locale.ROOT, f + " ± " + f, mean, ci95);
    }

    /** {@link #meanCi(double, double, int, int)} of a sample's statistics. */
    public static String meanCi(SeedStatistics s, int decimals) {
        return meanCi(s.mean(), s.ci95(), s.n(), decimals);
    }

    /** "1 seed", "3 seeds". */
    public static String seeds(long n) {
        return n + (n == 1 ? " seed" : " seeds");
    }
}
