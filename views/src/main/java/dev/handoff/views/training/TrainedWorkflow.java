package dev.handoff.views.training;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.observe.InterfaceMaps;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;

import java.nio.file.Path;
import java.util.List;

/**
 * The workflow a dashboard trains, read once for every part of it: its environment kind, a simulator for its shape
 * (agents, actions, interface views), its compiled interface maps, the names the charts and tables show, and the folder
 * its runs go to.
 */
public final class TrainedWorkflow {
    private final Workflow workflow;
    private final EnvironmentKind kind;
    private final Path runsRoot;
    private final HandoffEnvironment shape;
    private final List<InterfaceMap> maps;

    public TrainedWorkflow(Workflow workflow, EnvironmentKind kind, Path runsRoot) {
        this.workflow = workflow;
        this.kind = kind;
        this.runsRoot = runsRoot;
        this.shape = kind.create(workflow);
        List<InterfaceMap> m;
        try {
            m = InterfaceMaps.compile(workflow);
        } catch (RuntimeException e) {
            m = List.of(); // views are then described by number
        }
        this.maps = m;
    }

    public Workflow workflow() {
        return workflow;
    }

    public EnvironmentKind kind() {
        return kind;
    }

    /** Where this workflow's run folders go (null: runs are not written). */
    public Path runsRoot() {
        return runsRoot;
    }

    /** A simulator of the workflow, for its shape (never stepped). */
    public HandoffEnvironment shape() {
        return shape;
    }

    /** Whether the kind has a finite model: exact greedy returns, J*, error components. */
    public boolean hasExactModel() {
        return kind instanceof FiniteModelKind;
    }

    /** Whether the kind gives the centralised oracle the joint state (compare mode needs it). */
    public boolean hasJointState() {
        return shape.jointStateAccess() != null;
    }

    /** Whether {@code other} is this workflow in every respect training depends on (same hash). */
    public boolean sameAs(Workflow other) {
        return WorkflowHash.of(other).equals(WorkflowHash.of(workflow));
    }

    /** The workflow's name made safe for a file name. */
    public String fileSafeName() {
        return workflow.name().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public int agentCount() {
        return workflow.agents().size();
    }

    public int edgeCount() {
        return workflow.handoffs().size();
    }

    public String agentId(int agent) {
        return workflow.agents().get(agent).id();
    }

    /** The agent's display name, or its id when it has none. */
    public String agentName(int agent) {
        AgentSpec a = workflow.agents().get(agent);
        return a.name() == null || a.name().isBlank() ? a.id() : a.name();
    }

    public String edgeName(int edge) {
        HandoffSpec h = workflow.handoffs().get(edge);
        return h.from() + " → " + h.to();
    }

    public int actionCount(int agent) {
        return shape.actionCount(agent);
    }

    public int viewCount(int agent) {
        return shape.viewCount(agent);
    }

    /** An action as "option → target" (ICQ.md §1's options with a handoff), or "action k → target". */
    public String actionName(int agent, int action) {
        AgentSpec spec = workflow.agents().get(agent);
        int target = shape.target(agent, action);
        String to = target == HandoffEnvironment.STOP ? HandoffSpec.STOP : workflow.agents().get(target).id();
        int k = spec.options().size();
        int actions = shape.actionCount(agent);
        if (k > 0 && actions % k == 0) {
            OptionSpec o = spec.options().get(action / (actions / k));
            String name = o.name() == null || o.name().isBlank() ? o.id() : o.name();
            return name + " → " + to;
        }
        return "action " + action + " → " + to;
    }

    /** What the agent sees in interface view {@code key} ({@code InterfaceMap.describe}), or "view k". */
    public String describeView(int agent, int key) {
        if (agent < maps.size() && key < maps.get(agent).viewCount()) {
            try {
                return maps.get(agent).describe(key);
            } catch (RuntimeException e) {
                return "view " + key;
            }
        }
        return "view " + key;
    }

    /** Handoffs per evaluation window (one point per curve). */
    public int window() {
        return workflow.training().evaluationWindowOrDefault();
    }
}
