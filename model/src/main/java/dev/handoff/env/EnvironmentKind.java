package dev.handoff.env;

import dev.handoff.workflow.EnvironmentRules;
import dev.handoff.workflow.Workflow;

/**
 * One experiment family (synthetic, routing, llm-math, cpu-programming): what the workflow's nodes and edges mean,
 * which parameters it takes (a record of typed parameters, read and checked by {@link #validate}), and how to simulate
 * it.
 */
public interface EnvironmentKind extends EnvironmentRules {
    /** A fresh simulator for a valid workflow. Randomness comes from {@link HandoffEnvironment#reset}. */
    HandoffEnvironment create(Workflow workflow);
}
