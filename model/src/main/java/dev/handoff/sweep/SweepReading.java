package dev.handoff.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one policy scored at one (axis value, seed): named metric values, in the order of the sweep's metrics. */
public record SweepReading(String policy, Map<String, Double> metrics) {
    public SweepReading {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
