package dev.handoff.workflow.edit;

import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.Optional;

/** Whether a handoff edge {@code from → to} may be drawn, and if not, why (in words the editor shows while dragging). */
public final class ConnectionRule {
    private ConnectionRule() {
    }

    /** Empty when the handoff may be drawn; otherwise the reason it may not. */
    public static Optional<String> whyNot(Workflow w, String from, String to) {
        if (from == null || to == null) {
            return Optional.of("Pick an agent to hand off to");
        }
        if (HandoffSpec.STOP.equals(from)) {
            return Optional.of("STOP ends the episode: nothing is handed off from it");
        }
        if (w.agentIndex(from) < 0) {
            return Optional.of("Unknown agent \"" + from + "\"");
        }
        if (!HandoffSpec.STOP.equals(to) && w.agentIndex(to) < 0) {
            return Optional.of("Unknown agent \"" + to + "\"");
        }
        if (from.equals(to)) {
            return Optional.of("An agent hands the artifact on to another agent, not to itself");
        }
        for (HandoffSpec h : w.handoffs()) {
            if (h.from().equals(from) && h.to().equals(to)) {
                return Optional.of(Names.of(w, from) + " already hands off to " + Names.of(w, to));
            }
        }
        return Optional.empty();
    }

    public static boolean allowed(Workflow w, String from, String to) {
        return whyNot(w, from, to).isEmpty();
    }
}
