package dev.handoff.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The axes {@code handoff sweep --axis} knows, by id. New axes (network width, interface gap λ, mixing η, cost weight,
 * ...) are one {@link #register} call in {@link #standard()}; nothing else changes.
 */
public final class SweepAxes {
    private final Map<String, SweepAxis> axes = new LinkedHashMap<>();

    /** Every axis implemented so far. */
    public static SweepAxes standard() {
        SweepAxes axes = new SweepAxes()
                .register(new RoutingLoadAxis())
                .register(new HandoffsAxis())
                .register(new CostWeightAxis());
        ErrorComponentAxis.all().forEach(axes::register);
        return axes;
    }

    /** Adds an axis; its id must be new. */
    public SweepAxes register(SweepAxis axis) {
        if (axes.putIfAbsent(axis.id(), axis) != null) {
            throw new IllegalArgumentException("axis \"" + axis.id() + "\" is registered twice");
        }
        return this;
    }

    public Optional<SweepAxis> byId(String id) {
        return Optional.ofNullable(axes.get(id));
    }

    public List<String> ids() {
        return new ArrayList<>(axes.keySet());
    }
}
