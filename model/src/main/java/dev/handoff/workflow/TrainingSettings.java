package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * How to train: learner, discount γ, step sizes, exploration, budget in handoffs, seeds, the evaluation window and (format
 * version 2) the neural learner's settings. The defaults of the optional parts are here, once: the learners, the
 * validator and the inspector all read them from this class.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"algorithm", "gamma", "stepSize", "epsilon", "handoffs", "seeds", "evaluationWindow", "neural"})
public record TrainingSettings(String algorithm, double gamma, StepSizeSpec stepSize, EpsilonSpec epsilon, long handoffs,
                               List<Long> seeds, Integer evaluationWindow, NeuralSpec neural) {
    /** The learners a workflow may name (the CLI's {@code --algo} values). */
    public static final List<String> ALGORITHMS = List.of("icq-tabular", "icq-neural", "oracle", "independent");

    /** The step size when a workflow gives none: α = min(1, 10/(n + 100)), the schedule of the synthetic samples. */
    public static final StepSizeSpec DEFAULT_STEP_SIZE = StepSizeSpec.harmonic(10, 100);
    /** The exploration when a workflow gives none: ε = 0.1 throughout. */
    public static final EpsilonSpec DEFAULT_EPSILON = EpsilonSpec.constant(0.1);
    /** Handoffs per evaluation window (a row of metrics.csv) when a workflow gives none. */
    public static final int DEFAULT_EVALUATION_WINDOW = 50_000;

    public TrainingSettings {
        seeds = seeds == null ? List.of(1L) : List.copyOf(seeds);
    }

    /** Settings without a neural block (every neural setting at its default). */
    public TrainingSettings(String algorithm, double gamma, StepSizeSpec stepSize, EpsilonSpec epsilon, long handoffs,
                            List<Long> seeds, Integer evaluationWindow) {
        this(algorithm, gamma, stepSize, epsilon, handoffs, seeds, evaluationWindow, null);
    }

    /** The step-size schedule, or {@link #DEFAULT_STEP_SIZE}. */
    public StepSizeSpec stepSizeOrDefault() {
        return stepSize == null ? DEFAULT_STEP_SIZE : stepSize;
    }

    /** The exploration schedule, or {@link #DEFAULT_EPSILON}. */
    public EpsilonSpec epsilonOrDefault() {
        return epsilon == null ? DEFAULT_EPSILON : epsilon;
    }

    /** Handoffs per evaluation window, or {@link #DEFAULT_EVALUATION_WINDOW}. */
    public int evaluationWindowOrDefault() {
        return evaluationWindow == null ? DEFAULT_EVALUATION_WINDOW : evaluationWindow;
    }

    /** The neural settings with every field the workflow leaves out at its default ({@link NeuralSpec#DEFAULTS}). */
    public NeuralSpec neuralOrDefault() {
        return neural == null ? NeuralSpec.DEFAULTS : neural.resolved();
    }

    public TrainingSettings withGamma(double g) {
        return new TrainingSettings(algorithm, g, stepSize, epsilon, handoffs, seeds, evaluationWindow, neural);
    }

    public TrainingSettings withAlgorithm(String a) {
        return new TrainingSettings(a, gamma, stepSize, epsilon, handoffs, seeds, evaluationWindow, neural);
    }

    public TrainingSettings withHandoffs(long n) {
        return new TrainingSettings(algorithm, gamma, stepSize, epsilon, n, seeds, evaluationWindow, neural);
    }

    public TrainingSettings withSeeds(List<Long> s) {
        return new TrainingSettings(algorithm, gamma, stepSize, epsilon, handoffs, s, evaluationWindow, neural);
    }

    public TrainingSettings withStepSize(StepSizeSpec s) {
        return new TrainingSettings(algorithm, gamma, s, epsilon, handoffs, seeds, evaluationWindow, neural);
    }

    public TrainingSettings withEpsilon(EpsilonSpec e) {
        return new TrainingSettings(algorithm, gamma, stepSize, e, handoffs, seeds, evaluationWindow, neural);
    }

    /** These settings with a neural block ({@code null}: none, every neural setting at its default). */
    public TrainingSettings withNeural(NeuralSpec n) {
        return new TrainingSettings(algorithm, gamma, stepSize, epsilon, handoffs, seeds, evaluationWindow, n);
    }
}
