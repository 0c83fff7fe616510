package dev.handoff.policy;

import dev.handoff.learn.neural.NetworkFile;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.PrivateStateSpec;

import java.util.List;

/**
 * One exported agent policy, self-describing: the artifact schema and the agent's interface observation (so the
 * encoder can be rebuilt), its actions, and either its learned tabular Q-table with the greedy action per view
 * ({@code learner} "tabular") or its Q-network ({@code learner} "neural": {@code network} holds the architecture and
 * weights, beside a DJL parameters file; {@code views} then lists the network's greedy action per view for reading).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"policyFormat", "agentId", "agentName", "learner", "artifact", "privateState", "observation", "actions",
        "viewCount", "views", "network"})
public record AgentPolicyFile(int policyFormat, String agentId, String agentName, String learner, ArtifactSchema artifact,
                              PrivateStateSpec privateState, InterfaceSpec observation, List<String> actions, int viewCount,
                              List<ViewRow> views, NetworkFile network) {

    /** One interface view z: its key, a readable description, the greedy action, Q(z,·) and visit counts. */
    @JsonPropertyOrder({"key", "view", "greedyAction", "q", "visits"})
    public record ViewRow(int key, String view, int greedyAction, double[] q, long[] visits) {
    }
}
