package dev.handoff.views.training.charts;

import dev.handoff.views.training.curves.SeedBand;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;

/**
 * Curves turned into JFreeChart series for display: long curves are thinned to at most {@link #MAX_POINTS} points
 * (the view-models keep full resolution for export), NaN points are left out, and on a log axis so are values ≤ 0.
 */
public final class ChartSeries {
    /** Points drawn per curve at most. */
    public static final int MAX_POINTS = 400;

    private ChartSeries() {
    }

    private static int stride(int n) {
        return Math.max(1, n / MAX_POINTS);
    }

    /** A line through {@code (x[i], y[i])}, {@code i < n}. */
    public static XYSeries line(String key, double[] x, double[] y, int n, boolean positiveOnly) {
        XYSeries s = new XYSeries(key, false, true);
        s.setNotify(false);
        for (int i = 0; i < n; i += stride(n)) {
            if (!Double.isNaN(y[i]) && (!positiveOnly || y[i] > 0)) {
                s.add(x[i], y[i], false);
            }
        }
        return s;
    }

    /** The mean of a band, as a line. */
    public static XYSeries mean(String key, SeedBand b, boolean positiveOnly) {
        return line(key, b.x(), b.mean(), b.size(), positiveOnly);
    }

    /** A band's mean with its 95% interval (on a log axis the lower edge stays above zero). */
    public static YIntervalSeries band(String key, SeedBand b, boolean positiveOnly) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        s.setNotify(false);
        for (int i = 0; i < b.size(); i += stride(b.size())) {
            if (!Double.isNaN(b.mean()[i]) && (!positiveOnly || b.mean()[i] > 0)) {
                double lo = positiveOnly ? Math.max(b.lower()[i], b.mean()[i] * 0.01) : b.lower()[i];
                s.add(b.x()[i], b.mean()[i], lo, b.upper()[i]);
            }
        }
        return s;
    }

    /** A mean with ± a spread (another band's mean at the same points; 0 where it has none). */
    public static YIntervalSeries spread(String key, SeedBand mean, SeedBand spread) {
        YIntervalSeries s = new YIntervalSeries(key, false, true);
        s.setNotify(false);
        for (int i = 0; i < mean.size(); i += stride(mean.size())) {
            double sd = i < spread.size() ? spread.mean()[i] : 0;
            if (!Double.isNaN(mean.mean()[i])) {
                s.add(mean.x()[i], mean.mean()[i], mean.mean()[i] - sd, mean.mean()[i] + sd);
            }
        }
        return s;
    }
}
