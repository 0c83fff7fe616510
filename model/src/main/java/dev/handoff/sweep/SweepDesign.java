package dev.handoff.sweep;

import java.util.List;

/**
 * A sweep ready to run: the axis (id and label with unit), the policies it compares, the metrics each reading carries,
 * the measurement that produces them, and how many measurements may run at once ({@code maxParallelism}: 1 for
 * measurements that must not overlap, e.g. DJL training, which allows one gradient collector per process).
 */
public record SweepDesign(String axis, String axisLabel, List<String> policies, List<SweepMetric> metrics,
                          SweepMeasurement measurement, int maxParallelism) {
    /** A design whose measurements may all run in parallel. */
    public SweepDesign(String axis, String axisLabel, List<String> policies, List<SweepMetric> metrics,
                       SweepMeasurement measurement) {
        this(axis, axisLabel, policies, metrics, measurement, Integer.MAX_VALUE);
    }

    public SweepDesign {
        if (maxParallelism < 1) {
            throw new IllegalArgumentException("maxParallelism must be ≥ 1");
        }
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
