package dev.handoff.sweep;

/**
 * One quantity a sweep measures at every (value, seed): its id (the CSV column), a label with its unit for plots, and
 * whether the sweep plot shows it (the others land in the CSV and the JSON only).
 */
public record SweepMetric(String id, String label, boolean plotted) {
    public SweepMetric {
        if (id == null || id.isBlank() || id.contains(",")) {
            throw new IllegalArgumentException("a metric id must be non-blank and comma-free: " + id);
        }
    }
}
