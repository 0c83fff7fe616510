package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment kind that simulates this workflow ({@code synthetic}, {@code routing}, ...) and its parameters as
 * written; each kind reads them once into its own record of typed values (e.g. {@code SyntheticParameters}), never key
 * by key.
 */
@JsonPropertyOrder({"kind", "parameters"})
public record EnvironmentSpec(String kind, Map<String, Object> parameters) {
    public EnvironmentSpec {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public EnvironmentSpec with(String key, Object value) {
        TreeMap<String, Object> p = new TreeMap<>(parameters);
        p.put(key, value);
        return new EnvironmentSpec(kind, p);
    }
}
