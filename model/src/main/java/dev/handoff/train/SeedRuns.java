package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

/**
 * Makes the trainer of one seed for an algorithm: the only place that knows which class trains which learner, and where
 * the defaults of what a workflow may leave out (the evaluation window, ε, the network settings) are decided.
 */
public final class SeedRuns {
    /** Handoffs per evaluation window (one {@code metrics.csv} row per seed) when the workflow does not say. */
    public static final int DEFAULT_EVALUATION_WINDOW = 50_000;
    /** Constant exploration when the workflow does not say. */
    public static final double DEFAULT_EPSILON = 0.1;

    private SeedRuns() {
    }

    /**
     * A fresh trainer of {@code algorithm} for {@code seed} with a budget of {@code budget} handoffs; {@code neural} are
     * the network settings of {@code icq-neural} (null: {@link NeuralSettings#DEFAULTS}), ignored by tabular learners.
     * Close it when done (it may hold native memory).
     */
    public static SeedRun create(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget,
                                 NeuralSettings neural) {
        if (algorithm == Algorithm.ICQ_NEURAL) {
            return new NeuralSeedTrainer(workflow, kind, neuralOrDefaults(neural), algorithm, seed, budget);
        }
        return new SeedTrainer(workflow, kind, algorithm, seed, budget);
    }

    /** The network settings to use: {@code neural}, or the defaults when it is null. */
    public static NeuralSettings neuralOrDefaults(NeuralSettings neural) {
        return neural == null ? NeuralSettings.DEFAULTS : neural;
    }

    /** The evaluation window of {@code settings} (handoffs per window), or {@link #DEFAULT_EVALUATION_WINDOW}. */
    public static int evaluationWindow(TrainingSettings settings) {
        return settings.evaluationWindow() == null ? DEFAULT_EVALUATION_WINDOW : settings.evaluationWindow();
    }

    /** The ε schedule of {@code settings}, or a constant {@link #DEFAULT_EPSILON}. */
    public static EpsilonSpec epsilon(TrainingSettings settings) {
        return settings.epsilon() == null ? EpsilonSpec.constant(DEFAULT_EPSILON) : settings.epsilon();
    }
}
