package dev.handoff.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's handoff graph indexed once: each agent's index by id, its handoff targets in document order and the
 * index of each edge.
 * {@link Workflow#agentIndex} and {@link Workflow#successors} scan the lists on every call; building an environment
 * with them is quadratic in the agents, which a 20,000-agent workflow makes minutes long.
 */
public final class HandoffGraph {
    private final Map<String, Integer> indexById;
    private final Map<String, List<String>> targetsById;
    private final Map<String, Map<String, Integer>> edgeByEnds;

    private HandoffGraph(Map<String, Integer> indexById, Map<String, List<String>> targetsById,
                         Map<String, Map<String, Integer>> edgeByEnds) {
        this.indexById = indexById;
        this.targetsById = targetsById;
        this.edgeByEnds = edgeByEnds;
    }

    public static HandoffGraph of(Workflow w) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < w.agents().size(); i++) {
            index.putIfAbsent(w.agents().get(i).id(), i);
        }
        Map<String, List<String>> targets = new HashMap<>();
        Map<String, Map<String, Integer>> edges = new HashMap<>();
        for (int e = 0; e < w.handoffs().size(); e++) {
            HandoffSpec h = w.handoffs().get(e);
            targets.computeIfAbsent(h.from(), k -> new ArrayList<>()).add(h.to());
            edges.computeIfAbsent(h.from(), k -> new HashMap<>()).putIfAbsent(h.to(), e);
        }
        return new HandoffGraph(index, targets, edges);
    }

    /** The index of the agent with this id (the first one), or -1: as {@link Workflow#agentIndex}. */
    public int indexOf(String agentId) {
        Integer i = indexById.get(agentId);
        return i == null ? -1 : i;
    }

    /** The index of the (first) handoff {@code from → to} in the workflow's handoff list, or -1. */
    public int edgeIndex(String from, String to) {
        Integer e = edgeByEnds.getOrDefault(from, Map.of()).get(to);
        return e == null ? -1 : e;
    }

    /** The agent's handoff targets in document order ({@link HandoffSpec#STOP} included): as {@link Workflow#successors}. */
    public List<String> targets(String agentId) {
        return targetsById.getOrDefault(agentId, List.of());
    }
}
