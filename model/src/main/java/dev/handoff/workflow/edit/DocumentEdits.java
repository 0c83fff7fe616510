package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.PrivateStateSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named edits of a workflow document: each method takes the current document and returns one {@link WorkflowEdit}
 * holding the document before and after, described as the Edit menu shows it.
 */
public final class DocumentEdits {
    private DocumentEdits() {
    }

    /**
     * A fresh agent named in the document's own numbering ({@link NamingPattern}: after {@code a0 … a9} /
     * {@code Agent 0 … Agent 9} comes {@code a10} / {@code Agent 10}; in a document without one, {@code agent-3} /
     * {@code Agent 3}), with two options (quick, thorough) and a busy/idle private state.
     */
    public static AgentSpec freshAgent(Workflow w) {
        int n = w.agents().size() + 1;
        List<String> ids = new ArrayList<>(w.agents().stream().map(AgentSpec::id).toList());
        ids.add(HandoffSpec.STOP);
        List<String> names = w.agents().stream().map(AgentSpec::name).filter(java.util.Objects::nonNull).toList();
        String id = NamingPattern.next(ids, "agent-", n);
        String name = NamingPattern.next(names, "Agent ", n);
        return new AgentSpec(id, name, "worker",
                List.of(new OptionSpec("quick", "Quick", "fast, less careful"),
                        new OptionSpec("thorough", "Thorough", "slow, more careful")),
                new PrivateStateSpec("busy", 2, "0 idle, 1 busy"),
                new InterfaceSpec(List.of(), true));
    }

    public static WorkflowEdit addAgent(Workflow w, AgentSpec agent, Point at) {
        if (w.agentIndex(agent.id()) >= 0 || HandoffSpec.STOP.equals(agent.id())) {
            throw new IllegalArgumentException("An agent with id \"" + agent.id() + "\" already exists");
        }
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.add(agent);
        Workflow after = w.withAgents(agents).withLayout(w.layout().with(agent.id(), at));
        return new WorkflowEdit("Add agent " + Names.of(agent), w, after);
    }

    /** Moves nodes (agents or STOP) to new positions; one edit however many nodes move. */
    public static WorkflowEdit move(Workflow w, Map<String, Point> positions) {
        Layout layout = w.layout();
        for (Map.Entry<String, Point> e : positions.entrySet()) {
            layout = layout.with(e.getKey(), e.getValue());
        }
        String what = positions.size() == 1
                ? Names.of(w, positions.keySet().iterator().next())
                : Names.count(positions.size(), "node");
        return new WorkflowEdit("Move " + what, w, w.withLayout(layout));
    }

    /** Draws the handoff {@code from → to}; refuses (with the reason) one that {@link ConnectionRule} does not allow. */
    public static WorkflowEdit connect(Workflow w, String from, String to) {
        ConnectionRule.whyNot(w, from, to).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        List<HandoffSpec> handoffs = new ArrayList<>(w.handoffs());
        handoffs.add(new HandoffSpec(from, to));
        return new WorkflowEdit("Connect " + Names.of(w, from) + " → " + Names.of(w, to), w, w.withHandoffs(handoffs));
    }

    /** Deletes agents (with every handoff touching them and their positions) and handoffs; STOP itself stays. */
    public static WorkflowEdit delete(Workflow w, Collection<String> nodeIds, Collection<HandoffSpec> handoffs) {
        Set<String> agentIds = new LinkedHashSet<>(nodeIds);
        agentIds.remove(HandoffSpec.STOP);
        agentIds.removeIf(id -> w.agentIndex(id) < 0);
        Set<HandoffSpec> edges = new HashSet<>(handoffs);
        List<AgentSpec> agents = w.agents().stream().filter(a -> !agentIds.contains(a.id())).toList();
        List<HandoffSpec> kept = new ArrayList<>();
        int removedEdges = 0;
        int explicitEdges = 0;
        for (HandoffSpec h : w.handoffs()) {
            boolean touches = agentIds.contains(h.from()) || agentIds.contains(h.to());
            if (edges.contains(h) || touches) {
                removedEdges++;
                if (!touches) {
                    explicitEdges++;
                }
            } else {
                kept.add(h);
            }
        }
        Layout layout = w.layout();
        for (String id : agentIds) {
            layout = layout.without(id);
        }
        String what;
        if (agentIds.size() == 1 && explicitEdges == 0) {
            what = Names.of(w, agentIds.iterator().next());
        } else if (agentIds.isEmpty() && removedEdges == 1) {
            HandoffSpec only = w.handoffs().stream().filter(edges::contains).findFirst().orElseThrow();
            what = "handoff " + Names.of(w, only);
        } else if (agentIds.isEmpty()) {
            what = Names.count(removedEdges, "handoff");
        } else {
            what = Names.count(agentIds.size(), "agent") + (explicitEdges > 0 ? " and " + Names.count(explicitEdges, "handoff") : "");
        }
        return new WorkflowEdit("Delete " + what, w, w.withAgents(agents).withHandoffs(kept).withLayout(layout));
    }

    /**
     * Pastes a clip: fresh ids (and "copy" names where a name is taken), handoffs rewired among the pasted agents,
     * positions kept relative to each other and shifted by {@code (dx, dy)}.
     */
    public static WorkflowEdit paste(Workflow w, AgentClip clip, double dx, double dy) {
        Set<String> ids = ids(w);
        Set<String> names = names(w);
        Map<String, String> newId = new HashMap<>();
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        Layout layout = w.layout();
        int col = 0;
        for (AgentSpec a : clip.agents()) {
            String id = a.id();
            int k = 2;
            while (ids.contains(id) || HandoffSpec.STOP.equals(id)) {
                id = a.id() + "-" + k++;
            }
            ids.add(id);
            String name = a.name();
            if (name != null && names.contains(name)) {
                String base = name + " copy";
                name = base;
                int c = 2;
                while (names.contains(name)) {
                    name = base + " " + c++;
                }
            }
            if (name != null) {
                names.add(name);
            }
            newId.put(a.id(), id);
            agents.add(a.withId(id).withName(name));
            Point p = clip.positions().get(a.id());
            Point at = p == null ? new Point(40 + 220 * col++, 40) : p;
            layout = layout.with(id, new Point(at.x() + dx, at.y() + dy));
        }
        List<HandoffSpec> handoffs = new ArrayList<>(w.handoffs());
        for (HandoffSpec h : clip.handoffs()) {
            String from = newId.get(h.from());
            String to = h.isStop() ? HandoffSpec.STOP : newId.get(h.to());
            if (from != null && to != null) {
                handoffs.add(new HandoffSpec(from, to, h.label()));
            }
        }
        String what = clip.agents().size() == 1 ? Names.of(clip.agents().get(0)) : Names.count(clip.agents().size(), "agent");
        return new WorkflowEdit("Paste " + what, w, w.withAgents(agents).withHandoffs(handoffs).withLayout(layout));
    }

    /** Replaces one agent (same id) by an edited copy, e.g. "Rename Agent 1 to Solver". */
    public static WorkflowEdit replaceAgent(Workflow w, AgentSpec edited, String description) {
        int i = w.agentIndex(edited.id());
        if (i < 0) {
            throw new IllegalArgumentException("Unknown agent \"" + edited.id() + "\"");
        }
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(i, edited);
        return new WorkflowEdit(description, w, w.withAgents(agents));
    }

    public static WorkflowEdit rename(Workflow w, String agentId, String name) {
        AgentSpec a = agent(w, agentId);
        return replaceAgent(w, a.withName(name), "Rename " + Names.of(a) + " to " + name);
    }

    public static WorkflowEdit setRole(Workflow w, String agentId, String role) {
        AgentSpec a = agent(w, agentId);
        return replaceAgent(w, a.withRole(role), "Set role of " + Names.of(a) + " to " + role);
    }

    /** Changes the agent's interface observation φ_i: what it may see of the artifact. */
    public static WorkflowEdit setObservation(Workflow w, String agentId, InterfaceSpec observation, String change) {
        AgentSpec a = agent(w, agentId);
        return replaceAgent(w, a.withObservation(observation), change + " for " + Names.of(a));
    }

    public static WorkflowEdit setTraining(Workflow w, TrainingSettings training, String description) {
        return new WorkflowEdit(description, w, w.withTraining(training));
    }

    public static WorkflowEdit setEnvironment(Workflow w, EnvironmentSpec environment, String description) {
        return new WorkflowEdit(description, w, w.withEnvironment(environment));
    }

    public static WorkflowEdit setName(Workflow w, String name) {
        return new WorkflowEdit("Rename workflow to " + name, w, w.withName(name));
    }

    /** Sets (or clears, with a blank label) the label of one handoff. */
    public static WorkflowEdit setHandoffLabel(Workflow w, HandoffSpec handoff, String label) {
        List<HandoffSpec> handoffs = new ArrayList<>(w.handoffs());
        int i = handoffs.indexOf(handoff);
        if (i < 0) {
            throw new IllegalArgumentException("Unknown handoff " + handoff.from() + " → " + handoff.to());
        }
        String l = label == null || label.isBlank() ? null : label;
        handoffs.set(i, new HandoffSpec(handoff.from(), handoff.to(), l));
        return new WorkflowEdit("Label handoff " + Names.of(w, handoff), w, w.withHandoffs(handoffs));
    }

    /** Places every node by {@link LayeredLayout}; one edit. */
    public static WorkflowEdit autoLayout(Workflow w) {
        Layout layout = w.layout();
        for (Map.Entry<String, Point> e : LayeredLayout.compute(w).entrySet()) {
            layout = layout.with(e.getKey(), e.getValue());
        }
        return new WorkflowEdit("Auto-layout", w, w.withLayout(layout));
    }

    private static AgentSpec agent(Workflow w, String id) {
        return w.agent(id).orElseThrow(() -> new IllegalArgumentException("Unknown agent \"" + id + "\""));
    }

    private static Set<String> ids(Workflow w) {
        Set<String> s = new HashSet<>();
        w.agents().forEach(a -> s.add(a.id()));
        return s;
    }

    private static Set<String> names(Workflow w) {
        Set<String> s = new HashSet<>();
        w.agents().forEach(a -> {
            if (a.name() != null) {
                s.add(a.name());
            }
        });
        return s;
    }
}
