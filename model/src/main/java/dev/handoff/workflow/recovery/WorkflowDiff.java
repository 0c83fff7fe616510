package dev.handoff.workflow.recovery;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.Names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two versions of a workflow, as a person checks it before recovering unsaved work: agents
 * added, removed or changed (by id), handoffs added or removed, nodes moved, and which document-wide sections changed.
 */
public record WorkflowDiff(List<String> agentsAdded, List<String> agentsRemoved, List<String> agentsChanged,
                           List<String> handoffsAdded, List<String> handoffsRemoved, int nodesMoved,
                           List<String> sectionsChanged) {
    private static final int NAMES_SHOWN = 3;

    public WorkflowDiff {
        agentsAdded = List.copyOf(agentsAdded);
        agentsRemoved = List.copyOf(agentsRemoved);
        agentsChanged = List.copyOf(agentsChanged);
        handoffsAdded = List.copyOf(handoffsAdded);
        handoffsRemoved = List.copyOf(handoffsRemoved);
        sectionsChanged = List.copyOf(sectionsChanged);
    }

    /** From {@code before} to {@code after}; a null {@code before} (a new document) makes everything added. */
    public static WorkflowDiff between(Workflow before, Workflow after) {
        List<AgentSpec> old = before == null ? List.of() : before.agents();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (AgentSpec a : after.agents()) {
            AgentSpec was = old.stream().filter(o -> o.id().equals(a.id())).findFirst().orElse(null);
            if (was == null) {
                added.add(Names.of(a));
            } else if (!was.equals(a)) {
                changed.add(Names.of(a));
            }
        }
        for (AgentSpec o : old) {
            if (after.agentIndex(o.id()) < 0) {
                removed.add(Names.of(o));
            }
        }
        Set<HandoffSpec> oldEdges = new LinkedHashSet<>(before == null ? List.of() : before.handoffs());
        Set<HandoffSpec> newEdges = new LinkedHashSet<>(after.handoffs());
        List<String> edgesAdded = new ArrayList<>();
        List<String> edgesRemoved = new ArrayList<>();
        for (HandoffSpec h : newEdges) {
            if (!oldEdges.contains(h)) {
                edgesAdded.add(Names.of(after, h));
            }
        }
        for (HandoffSpec h : oldEdges) {
            if (!newEdges.contains(h)) {
                edgesRemoved.add(Names.of(before, h));
            }
        }
        int moved = 0;
        if (before != null) {
            Map<String, Layout.Point> was = before.layout().positions();
            for (Map.Entry<String, Layout.Point> p : after.layout().positions().entrySet()) {
                Layout.Point q = was.get(p.getKey());
                if (q != null && !q.equals(p.getValue())) {
                    moved++;
                }
            }
        }
        List<String> sections = new ArrayList<>();
        if (before != null) {
            section(sections, "name", before.name(), after.name());
            section(sections, "description", before.description(), after.description());
            section(sections, "artifact features", before.artifact(), after.artifact());
            section(sections, "environment", before.environment(), after.environment());
            section(sections, "training settings", before.training(), after.training());
        }
        return new WorkflowDiff(added, removed, changed, edgesAdded, edgesRemoved, moved, sections);
    }

    private static void section(List<String> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(name);
        }
    }

    public boolean isEmpty() {
        return agentsAdded.isEmpty() && agentsRemoved.isEmpty() && agentsChanged.isEmpty() && handoffsAdded.isEmpty()
                && handoffsRemoved.isEmpty() && nodesMoved == 0 && sectionsChanged.isEmpty();
    }

    /**
     * One line: "agents: 2 added (Agent 10, Agent 11), 1 removed (Agent 3), 1 changed (Agent 4); handoffs: 2 added,
     * 3 removed; 11 nodes moved; training settings changed" — or "no changes".
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        String agents = counts(List.of(agentsAdded, agentsRemoved, agentsChanged), List.of("added", "removed", "changed"));
        if (!agents.isEmpty()) {
            parts.add("agents: " + agents);
        }
        String handoffs = counts(List.of(handoffsAdded, handoffsRemoved), List.of("added", "removed"));
        if (!handoffs.isEmpty()) {
            parts.add("handoffs: " + handoffs);
        }
        if (nodesMoved > 0) {
            parts.add(nodesMoved + (nodesMoved == 1 ? " node moved" : " nodes moved"));
        }
        if (!sectionsChanged.isEmpty()) {
            parts.add(String.join(", ", sectionsChanged) + " changed");
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static String counts(List<List<String>> lists, List<String> verbs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            List<String> names = lists.get(i);
            if (!names.isEmpty()) {
                String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                        + (names.size() > NAMES_SHOWN ? ", …" : "");
                out.add(names.size() + " " + verbs.get(i) + " (" + shown + ")");
            }
        }
        return String.join(", ", out);
    }
}
