package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What copy/cut puts on the clipboard: some agents, the handoffs among them (and to STOP), and their positions,
 * so that a paste reproduces the same little graph at the same relative places.
 */
public record AgentClip(List<AgentSpec> agents, List<HandoffSpec> handoffs, Map<String, Point> positions) {
    public AgentClip {
        agents = List.copyOf(agents);
        handoffs = List.copyOf(handoffs);
        positions = Map.copyOf(positions);
    }

    /** The selected agents of {@code w} (unknown ids and STOP are ignored) with the handoffs that stay inside the selection. */
    public static AgentClip of(Workflow w, Collection<String> agentIds) {
        Set<String> ids = Set.copyOf(agentIds);
        List<AgentSpec> agents = new ArrayList<>();
        Map<String, Point> positions = new LinkedHashMap<>();
        for (AgentSpec a : w.agents()) {
            if (ids.contains(a.id())) {
                agents.add(a);
                Point p = w.layout().positions().get(a.id());
                if (p != null) {
                    positions.put(a.id(), p);
                }
            }
        }
        List<HandoffSpec> handoffs = new ArrayList<>();
        for (HandoffSpec h : w.handoffs()) {
            if (ids.contains(h.from()) && (h.isStop() || ids.contains(h.to()))) {
                handoffs.add(h);
            }
        }
        return new AgentClip(agents, handoffs, positions);
    }

    public boolean isEmpty() {
        return agents.isEmpty();
    }
}
