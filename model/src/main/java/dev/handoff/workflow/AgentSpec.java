package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One agent of the workflow: its internal options (e.g. quick / thorough), the private state only it
 * knows, and its interface observation (what it may see of the artifact).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "role", "options", "privateState", "observation"})
public record AgentSpec(String id, String name, String role, List<OptionSpec> options, PrivateStateSpec privateState,
                        InterfaceSpec observation) {
    public AgentSpec {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public AgentSpec withName(String n) {
        return new AgentSpec(id, n, role, options, privateState, observation);
    }

    public AgentSpec withRole(String r) {
        return new AgentSpec(id, name, r, options, privateState, observation);
    }

    public AgentSpec withId(String i) {
        return new AgentSpec(i, name, role, options, privateState, observation);
    }

    public AgentSpec withOptions(List<OptionSpec> o) {
        return new AgentSpec(id, name, role, o, privateState, observation);
    }

    public AgentSpec withPrivateState(PrivateStateSpec p) {
        return new AgentSpec(id, name, role, options, p, observation);
    }

    public AgentSpec withObservation(InterfaceSpec obs) {
        return new AgentSpec(id, name, role, options, privateState, obs);
    }

    /** Number of private-state values (1 when the agent has none). */
    public int privateStateCount() {
        return privateState == null ? 1 : Math.max(1, privateState.values());
    }
}
