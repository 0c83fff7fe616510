package dev.handoff.views.training;

import java.util.Locale;

/** Numbers as the dashboard writes them: handoff counts ("54M", "1.80M", "41k") and durations ("0:10", "1:02:03"). */
public final class Figures {
    private Figures() {
    }

    public static String count(long n) {
        if (n >= 10_000_000) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        }
        return String.valueOf(n);
    }

    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
