package dev.handoff.sweep;

import java.util.List;
import java.util.Map;

/**
 * What the user fixed for a sweep besides the axis: the policies/algorithms to compare (empty = the axis's default),
 * the training budget in handoffs (null = the workflow's), and axis-specific numeric options (e.g. a measuring
 * stretch), each of which the axis must know.
 */
public record SweepSettings(List<String> policies, Long handoffs, Map<String, Double> options) {
    public SweepSettings {
        policies = policies == null ? List.of() : List.copyOf(policies);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static SweepSettings defaults() {
        return new SweepSettings(List.of(), null, Map.of());
    }

    /** The option's value, or {@code fallback} when the user did not set it. */
    public double option(String key, double fallback) {
        Double v = options.get(key);
        return v == null ? fallback : v;
    }
}
