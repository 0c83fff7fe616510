package dev.handoff.trace;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceFeatures;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a trace is checked against: for each agent of a workflow, the features its interface reads and its actions
 * (how many, their labels and the agent each hands off to).
 */
public final class TraceAgents {
    /** One agent as its trace sees it: its index in the workflow, its interface features and its actions. */
    public record Agent(int index, String id, InterfaceFeatures features, List<String> actionLabels, int[] targets) {
        public int actionCount() {
            return actionLabels.size();
        }

        /** The agent index action {@code a} hands off to, or {@link HandoffEnvironment#STOP}. */
        public int target(int a) {
            return targets[a];
        }
    }

    private final Map<String, Agent> byId;
    private final List<Agent> byIndex;

    private TraceAgents(Map<String, Agent> byId) {
        this.byId = byId;
        this.byIndex = List.copyOf(byId.values());
    }

    /** The agents of {@code w}, with the actions of its environment {@code env}. */
    public static TraceAgents of(Workflow w, HandoffEnvironment env) {
        List<String> ids = w.agents().stream().map(AgentSpec::id).toList();
        Map<String, Agent> map = new LinkedHashMap<>();
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec spec = w.agents().get(i);
            List<String> labels = new ArrayList<>();
            int[] targets = new int[env.actionCount(i)];
            for (int a = 0; a < targets.length; a++) {
                labels.add(env.actionLabel(i, a, ids));
                targets[a] = env.target(i, a);
            }
            map.put(spec.id(), new Agent(i, spec.id(), InterfaceFeatures.of(w.artifact(), spec), List.copyOf(labels), targets));
        }
        return new TraceAgents(map);
    }

    /** The agent with this id, or null. */
    public Agent agent(String id) {
        return byId.get(id);
    }

    public Agent agent(int index) {
        return byIndex.get(index);
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public int size() {
        return byId.size();
    }
}
