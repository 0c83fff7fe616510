package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An agent's interface observation φ_i, declaratively: the terms it sees of the artifact, combined into one
 * view, plus (by default) its own private state. Never code: only the transforms of {@link ObservationTerm}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"terms", "includePrivateState"})
public record InterfaceSpec(List<ObservationTerm> terms, Boolean includePrivateState) {
    public InterfaceSpec {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public boolean privateStateIncluded() {
        return includePrivateState == null || includePrivateState;
    }

    public InterfaceSpec withTerms(List<ObservationTerm> t) {
        return new InterfaceSpec(t, includePrivateState);
    }
}
