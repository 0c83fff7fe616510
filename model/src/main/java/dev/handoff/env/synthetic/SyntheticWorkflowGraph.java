package dev.handoff.env.synthetic;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffGraph;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.List;

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
        HandoffGraph graph = HandoffGraph.of(workflow); // indexed once: linear in a 10,000-agent workflow
        for (int i = 0; i < agents; i++) {
            List<String> succ = graph.targets(specs.get(i).id());
            targets[i] = new int[succ.size()];
            for (int t = 0; t < succ.size(); t++) {
                String to = succ.get(t);
                targets[i][t] = HandoffSpec.STOP.equals(to) ? HandoffEnvironment.STOP : graph.indexOf(to);
            }
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
