package dev.handoff.env;

import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.util.List;

/**
 * One experiment family (synthetic, routing, llm-math, cpu-programming): what the workflow's nodes and edges mean,
 * which parameters it takes, and how to simulate it.
 */
public interface EnvironmentKind {
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

    /** A fresh simulator for a valid workflow. Randomness comes from {@link HandoffEnvironment#reset}. */
    HandoffEnvironment create(Workflow workflow);
}
