package dev.handoff.policy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code bundle.json}: which run, seed and algorithm the policies come from, the workflow they were trained on
 * (hash and a full copy), and one file per agent.
 */
@JsonPropertyOrder({"bundleFormat", "writtenBy", "workflowHash", "runId", "seed", "algorithm", "handoffs", "agents", "workflow"})
public record BundleManifest(int bundleFormat, String writtenBy, String workflowHash, String runId, long seed, String algorithm,
                             long handoffs, List<AgentEntry> agents, JsonNode workflow) {

    /** The agent's id and its policy file, relative to the bundle folder. */
    public record AgentEntry(String id, String file) {
    }
}
