package dev.handoff.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * The handoff ids met in a set of traces, each numbered once: the only thing that joins one agent's trace to another's.
 * Agents learning from their traces exchange scalars keyed by these numbers, never features.
 */
public final class HandoffIds {
    private final Map<String, Integer> index = new HashMap<>();
    private final java.util.List<String> names = new java.util.ArrayList<>();

    /** The number of {@code id}, given on first sight. */
    public int of(String id) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        int next = index.size();
        index.put(id, next);
        names.add(id);
        return next;
    }

    /** The id numbered {@code number}. */
    public String name(int number) {
        return names.get(number);
    }

    /** How many distinct ids have been numbered. */
    public int size() {
        return index.size();
    }
}
