package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

/**
 * Makes the trainer of one seed for an algorithm: the only place that knows which class trains which learner. What a
 * workflow may leave out (the evaluation window, ε, the network settings) defaults in one place, the workflow's
 * {@link TrainingSettings}. A plan with recorded handoffs ({@link RecordedHandoffs}) learns offline from them.
 */
public final class SeedRuns {
    private SeedRuns() {
    }

    /**
     * A fresh trainer of {@code algorithm} for {@code seed} with a budget of {@code budget} handoffs; {@code neural} are
     * the network settings of {@code icq-neural} (null: the workflow's {@code training.neural}), ignored by tabular
     * learners.
     * Close it when done (it may hold native memory).
     */
    public static SeedRun create(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget,
                                 NeuralSettings neural) {
        return create(workflow, kind, algorithm, seed, budget, neural, null);
    }

    /**
     * As {@link #create(Workflow, EnvironmentKind, Algorithm, long, long, NeuralSettings)}, learning offline from
     * {@code recorded} handoffs (the agents' own traces) when they are given (null: simulate).
     */
    public static SeedRun create(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget,
                                 NeuralSettings neural, RecordedHandoffs recorded) {
        if (recorded != null) {
            if (algorithm != Algorithm.ICQ_TABULAR) {
                throw new IllegalArgumentException("only icq-tabular learns from recorded traces, not " + algorithm.cliName());
            }
            return recorded.learner(workflow, kind, seed, budget);
        }
        if (algorithm == Algorithm.ICQ_NEURAL) {
            return new NeuralSeedTrainer(workflow, kind, neural != null ? neural : NeuralSettings.of(workflow.training()),
                    algorithm, seed, budget);
        }
        return new SeedTrainer(workflow, kind, algorithm, seed, budget);
    }
}
