package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.workflow.Workflow;

/**
 * Handoffs recorded outside any simulator (each agent's own trace, read by {@code dev.handoff.trace}) that a learner
 * learns from offline: a {@link TrainingPlan#withRecorded plan} carrying them makes {@link SeedRuns} build its seeds here,
 * so a session trains them like any other seed (same run control, run folder and summary). A seed replays every
 * recorded handoff once per round, so its handoff count is rounds × {@link #records()}.
 */
public interface RecordedHandoffs {
    /** Handoffs recorded: what one round of offline learning replays. */
    long records();

    /** The most handoffs a seed replays: {@link #records()} × the most rounds. */
    long budget();

    /** A seed of tabular IC-Q learning from these handoffs alone, replaying at most {@code budget} of them. */
    SeedRun learner(Workflow workflow, EnvironmentKind kind, long seed, long budget);
}
