package dev.handoff.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A sweep ready to run: the axis (id and label with unit), the algorithms it compares (each measured on its own at every
 * (value, seed): one cell), the metrics each reading carries, and how many cells may run at once in one process
 * ({@code maxParallelism}: 1 for measurements that must not overlap, e.g. DJL training, which allows one gradient
 * collector per process). The policies of the CSV and the plot are the algorithms' policies, in order.
 */
public record SweepDesign(String axis, String axisLabel, List<SweepAlgorithm> algorithms, List<SweepMetric> metrics,
                          int maxParallelism) {
    /** Id of the one algorithm of a design made from a single measurement of every policy. */
    public static final String ALL_POLICIES = "all";

    /** A design whose cells may all run in parallel. */
    public SweepDesign(String axis, String axisLabel, List<SweepAlgorithm> algorithms, List<SweepMetric> metrics) {
        this(axis, axisLabel, algorithms, metrics, Integer.MAX_VALUE);
    }

    /** A design with one measurement that reads every policy at once (one cell per value and seed). */
    public SweepDesign(String axis, String axisLabel, List<String> policies, List<SweepMetric> metrics,
                       SweepMeasurement measurement, int maxParallelism) {
        this(axis, axisLabel, List.of(new SweepAlgorithm(ALL_POLICIES, policies, measurement)), metrics, maxParallelism);
    }

    /** A design with one measurement that reads every policy at once, whose cells may all run in parallel. */
    public SweepDesign(String axis, String axisLabel, List<String> policies, List<SweepMetric> metrics,
                       SweepMeasurement measurement) {
        this(axis, axisLabel, policies, metrics, measurement, Integer.MAX_VALUE);
    }

    public SweepDesign {
        if (maxParallelism < 1) {
            throw new IllegalArgumentException("maxParallelism must be ≥ 1");
        }
        algorithms = List.copyOf(algorithms);
        metrics = List.copyOf(metrics);
        if (algorithms.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one policy and one metric");
        }
        List<String> policies = policiesOf(algorithms);
        if (new HashSet<>(policies).size() != policies.size()) {
            throw new IllegalArgumentException("a policy is named twice: " + policies);
        }
        if (algorithms.stream().map(SweepAlgorithm::id).distinct().count() != algorithms.size()) {
            throw new IllegalArgumentException("an algorithm id is used twice: "
                    + algorithms.stream().map(SweepAlgorithm::id).toList());
        }
        if (metrics.stream().map(SweepMetric::id).distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("a metric id is used twice: " + metrics);
        }
    }

    /** Every compared policy, the algorithms' policies in order: the CSV's and the plot's order. */
    public List<String> policies() {
        return policiesOf(algorithms);
    }

    /** The algorithm with this id, or null. */
    public SweepAlgorithm algorithm(String id) {
        for (SweepAlgorithm a : algorithms) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    public int metricIndex(String id) {
        for (int m = 0; m < metrics.size(); m++) {
            if (metrics.get(m).id().equals(id)) {
                return m;
            }
        }
        return -1;
    }

    private static List<String> policiesOf(List<SweepAlgorithm> algorithms) {
        List<String> out = new ArrayList<>();
        algorithms.forEach(a -> out.addAll(a.policies()));
        return List.copyOf(out);
    }
}
