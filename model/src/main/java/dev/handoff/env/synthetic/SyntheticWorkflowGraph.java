package dev.handoff.env.synthetic;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic kind's reading of a workflow graph: agent i's handoff targets (agents or STOP) in document order,
 * its actions a = option·T_i + t, and its compiled interface map φ_i. Shared by the simulator and the exact model
 * so that both agree by construction.
 */
final class SyntheticWorkflowGraph {
    final int agents;
    final int[][] targets;
    final InterfaceMap[] interfaces;

    SyntheticWorkflowGraph(Workflow workflow) {
        List<AgentSpec> specs = workflow.agents();
        agents = specs.size();
        targets = new int[agents][];
        interfaces = new InterfaceMap[agents];
        // one pass over the handoffs, so that a workflow of 10,000 agents reads in linear time
        Map<String, Integer> index = new HashMap<>();
        for (int i = agents - 1; i >= 0; i--) {
            index.put(specs.get(i).id(), i); // the first agent of an id wins, as in Workflow.agentIndex
        }
        Map<String, List<Integer>> successors = new HashMap<>();
        for (HandoffSpec h : workflow.handoffs()) {
            successors.computeIfAbsent(h.from(), k -> new ArrayList<>())
                    .add(HandoffSpec.STOP.equals(h.to()) ? HandoffEnvironment.STOP : index.getOrDefault(h.to(), -1));
        }
        for (int i = 0; i < agents; i++) {
            targets[i] = successors.getOrDefault(specs.get(i).id(), List.of()).stream().mapToInt(Integer::intValue).toArray();
            interfaces[i] = InterfaceMap.compile(workflow.artifact(), specs.get(i));
        }
    }

    int actionCount(int agent) {
        return SyntheticParameters.OPTIONS * targets[agent].length;
    }

    int option(int agent, int action) {
        return action / targets[agent].length;
    }

    int target(int agent, int action) {
        return targets[agent][action % targets[agent].length];
    }
}
