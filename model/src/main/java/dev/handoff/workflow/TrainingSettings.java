package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** How to train: learner, discount γ, step sizes, exploration, budget in handoffs, seeds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"algorithm", "gamma", "stepSize", "epsilon", "handoffs", "seeds", "evaluationWindow"})
public record TrainingSettings(String algorithm, double gamma, StepSizeSpec stepSize, EpsilonSpec epsilon, long handoffs,
                               List<Long> seeds, Integer evaluationWindow) {
    /** The learners a workflow may name (the CLI's {@code --algo} values). */
    public static final List<String> ALGORITHMS = List.of("icq-tabular", "icq-neural", "oracle", "independent");

    public TrainingSettings {
        seeds = seeds == null ? List.of(1L) : List.copyOf(seeds);
    }

    public TrainingSettings withGamma(double g) {
        return new TrainingSettings(algorithm, g, stepSize, epsilon, handoffs, seeds, evaluationWindow);
    }

    public TrainingSettings withAlgorithm(String a) {
        return new TrainingSettings(a, gamma, stepSize, epsilon, handoffs, seeds, evaluationWindow);
    }

    public TrainingSettings withHandoffs(long n) {
        return new TrainingSettings(algorithm, gamma, stepSize, epsilon, n, seeds, evaluationWindow);
    }

    public TrainingSettings withSeeds(List<Long> s) {
        return new TrainingSettings(algorithm, gamma, stepSize, epsilon, handoffs, s, evaluationWindow);
    }

    public TrainingSettings withStepSize(StepSizeSpec s) {
        return new TrainingSettings(algorithm, gamma, s, epsilon, handoffs, seeds, evaluationWindow);
    }

    public TrainingSettings withEpsilon(EpsilonSpec e) {
        return new TrainingSettings(algorithm, gamma, stepSize, e, handoffs, seeds, evaluationWindow);
    }
}
