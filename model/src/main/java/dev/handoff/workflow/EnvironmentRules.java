package dev.handoff.workflow;

import java.util.List;

/**
 * What the document validator needs of an environment kind: its id and its own rules (typed, validated parameters,
 * required features, agent options). Environment kinds implement it, so the document layer never depends on them.
 */
public interface EnvironmentRules {
    /** The {@code environment.kind} string in workflow files. */
    String id();

    /** Kind-specific problems (parameters, required features, agent options), with JSON paths. */
    List<Problem> validate(Workflow workflow);

    /**
     * Whether the environment itself ends an artifact's episode (a packet is delivered on arrival), so that agents need no
     * handoff to STOP.
     */
    default boolean endsEpisodesItself() {
        return false;
    }
}
