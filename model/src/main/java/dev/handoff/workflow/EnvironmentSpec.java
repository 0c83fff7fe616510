package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;
import java.util.TreeMap;

/** The environment kind that simulates this workflow ({@code synthetic}, {@code routing}, ...) and its parameters. */
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

    public double number(String key, double fallback) {
        Object v = parameters.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }
}
