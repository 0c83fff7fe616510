package dev.handoff.sweep;

import java.util.List;

/**
 * A sweep ready to run: the axis (id and label with unit), the policies it compares, the metrics each reading carries
 * and the measurement that produces them.
 */
public record SweepDesign(String axis, String axisLabel, List<String> policies, List<SweepMetric> metrics,
                          SweepMeasurement measurement) {
    public SweepDesign {
        policies = List.copyOf(policies);
        metrics = List.copyOf(metrics);
        if (policies.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one policy and one metric");
        }
        if (new java.util.HashSet<>(policies).size() != policies.size()) {
            throw new IllegalArgumentException("a policy is named twice: " + policies);
        }
        if (metrics.stream().map(SweepMetric::id).distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("a metric id is used twice: " + metrics);
        }
    }

    public int metricIndex(String id) {
        for (int m = 0; m < metrics.size(); m++) {
            if (metrics.get(m).id().equals(id)) {
                return m;
            }
        }
        return -1;
    }
}
