package dev.handoff.views.training.curves;

/**
 * Display smoothing of a learning curve: an exponential moving average whose weight the slider sets. It returns a new
 * array and never changes the raw data; NaN points (windows without a finished episode) are carried over.
 */
public final class Smoothing {
    private Smoothing() {
    }

    /** EMA with {@code weight} in [0, 1): 0 is the raw curve, 0.9 keeps 90% of the past at each point. */
    public static double[] exponential(double[] y, int n, double weight) {
        double w = Math.max(0, Math.min(0.999, weight));
        double[] out = new double[n];
        double s = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = y[i];
            if (Double.isNaN(v)) {
                out[i] = s;
                continue;
            }
            s = Double.isNaN(s) ? v : w * s + (1 - w) * v;
            out[i] = s;
        }
        return out;
    }
}
