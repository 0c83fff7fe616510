package dev.handoff.sweep;

import dev.handoff.metrics.SeedStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the slope of ln y against ln x by least squares, once per seed, and reports the mean slope with a Student-t 95%
 * interval across seeds; with a single fitted seed, the OLS standard error of that seed's slope gives the interval.
 * Points whose x or y is not positive (or y is missing) cannot be put on a log scale: they are left out and listed.
 */
public final class LogLogSlope {
    private LogLogSlope() {
    }

    /** A fit and the points it had to leave out, in words. */
    public record Result(SlopeFit fit, List<String> skipped) {
    }

    /** One seed's least-squares line through (ln x, ln y): slope, its standard error (NaN below 3 points), points. */
    public record Line(double slope, double standardError, int points) {
    }

    /**
     * @param x the axis values
     * @param y {@code y[v][s]}: the metric at value v for seed s (NaN = no measurement)
     */
    public static Result fit(double[] x, double[][] y, List<Long> seeds) {
        List<String> skipped = new ArrayList<>();
        for (double xv : x) {
            if (!(xv > 0)) {
                skipped.add("value " + format(xv) + ": axis value not positive");
            }
        }
        for (int v = 0; v < x.length; v++) {
            if (!(x[v] > 0)) {
                continue;
            }
            List<Long> notPositive = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            for (int s = 0; s < seeds.size(); s++) {
                double yv = y[v][s];
                if (Double.isNaN(yv) || Double.isInfinite(yv)) {
                    missing.add(seeds.get(s));
                } else if (!(yv > 0)) {
                    notPositive.add(seeds.get(s));
                }
            }
            if (!notPositive.isEmpty()) {
                skipped.add("value " + format(x[v]) + ": metric not positive for seeds " + notPositive);
            }
            if (!missing.isEmpty()) {
                skipped.add("value " + format(x[v]) + ": no finite measurement for seeds " + missing);
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Long> unfitted = new ArrayList<>();
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        for (int s = 0; s < seeds.size(); s++) {
            int k = 0;
            for (int v = 0; v < x.length; v++) {
                double yv = y[v][s];
                if (x[v] > 0 && yv > 0 && Double.isFinite(yv)) {
                    lx[k] = Math.log(x[v]);
                    ly[k] = Math.log(yv);
                    k++;
                }
            }
            Line line = ols(lx, ly, k);
            if (line == null) {
                unfitted.add(seeds.get(s));
            } else {
                lines.add(line);
            }
        }
        if (!unfitted.isEmpty() && !lines.isEmpty()) {
            skipped.add("seeds " + unfitted + ": fewer than two distinct positive points, no slope");
        }
        return new Result(combine(lines), skipped);
    }

    static SlopeFit combine(List<Line> lines) {
        if (lines.isEmpty()) {
            return new SlopeFit(null, null, 0, "not fitted: no seed has two distinct positive points");
        }
        if (lines.size() == 1) {
            Line l = lines.get(0);
            Double ci = l.points() >= 3 ? SeedStatistics.tQuantile975(l.points() - 2) * l.standardError() : null;
            return new SlopeFit(l.slope(), ci, 1, "OLS on (ln x, ln y) of one seed over " + l.points()
                    + " points; CI = t(" + (l.points() - 2) + ") × standard error" + (ci == null ? " (undefined: 2 points)" : ""));
        }
        double[] slopes = new double[lines.size()];
        for (int i = 0; i < slopes.length; i++) {
            slopes[i] = lines.get(i).slope();
        }
        SeedStatistics st = SeedStatistics.of(slopes);
        return new SlopeFit(st.mean(), st.ci95(), slopes.length,
                "OLS on (ln x, ln y) per seed; mean ± Student-t 95% CI across " + slopes.length + " seeds");
    }

    /** Least squares through the first {@code k} points, or null when fewer than two distinct x. */
    public static Line ols(double[] x, double[] y, int k) {
        if (k < 2) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 1e-300)) {
            return null;
        }
        double b = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - my - b * (x[i] - mx);
            sse += r * r;
        }
        double se = k >= 3 ? Math.sqrt(sse / (k - 2) / sxx) : Double.NaN;
        return new Line(b, se, k);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
