package dev.handoff.workflow;

import java.util.Map;
import java.util.TreeMap;

/** Where each node sits on the canvas; presentation only, never read by the engine. */
public record Layout(Map<String, Point> positions) {
    public static final Layout EMPTY = new Layout(Map.of());

    public Layout {
        positions = positions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    public Layout with(String id, Point p) {
        TreeMap<String, Point> m = new TreeMap<>(positions);
        m.put(id, p);
        return new Layout(m);
    }

    public Layout without(String id) {
        TreeMap<String, Point> m = new TreeMap<>(positions);
        m.remove(id);
        return new Layout(m);
    }

    /** A canvas position. */
    public record Point(double x, double y) {
    }
}
