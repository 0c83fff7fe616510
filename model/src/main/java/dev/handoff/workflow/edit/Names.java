package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

/** Display names of the graph's nodes and edges, as edit descriptions and problem messages use them. */
public final class Names {
    private Names() {
    }

    /** The agent's name (its id when unnamed), or "STOP" for the terminal node. */
    public static String of(Workflow w, String nodeId) {
        if (HandoffSpec.STOP.equals(nodeId)) {
            return HandoffSpec.STOP;
        }
        return w.agent(nodeId).map(Names::of).orElse(nodeId);
    }

    public static String of(AgentSpec a) {
        return a.name() == null || a.name().isBlank() ? a.id() : a.name();
    }

    public static String of(Workflow w, HandoffSpec h) {
        return of(w, h.from()) + " → " + of(w, h.to());
    }

    static String count(int n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }
}
