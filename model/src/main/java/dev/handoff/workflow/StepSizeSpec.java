package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A step-size schedule α(n) of the visit count n (ICQ.md §2): {@code constant} (alpha),
 * {@code harmonic} α = min(1, h/(n + n0)), or {@code polynomial} α = (1 + n)^-ω with ω ∈ (1/2, 1].
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "alpha", "h", "n0", "omega"})
public record StepSizeSpec(String kind, Double alpha, Double h, Double n0, Double omega) {
    /** The schedules the learners implement. */
    public static final List<String> KINDS = List.of("constant", "harmonic", "polynomial");

    public static StepSizeSpec constant(double alpha) {
        return new StepSizeSpec("constant", alpha, null, null, null);
    }

    public static StepSizeSpec harmonic(double h, double n0) {
        return new StepSizeSpec("harmonic", null, h, n0, null);
    }

    public static StepSizeSpec polynomial(double omega) {
        return new StepSizeSpec("polynomial", null, null, null, omega);
    }

    /**
     * A schedule of {@code kind} with its default values: α = 0.1, the harmonic {@link TrainingSettings#DEFAULT_STEP_SIZE}
     * (the learner's own default), or ω = 0.8.
     */
    public static StepSizeSpec defaultOf(String kind) {
        return switch (kind) {
            case "constant" -> constant(0.1);
            case "harmonic" -> TrainingSettings.DEFAULT_STEP_SIZE;
            case "polynomial" -> polynomial(0.8);
            default -> throw new IllegalArgumentException("unknown step-size kind \"" + kind + "\" (known: "
                    + String.join(", ", KINDS) + ")");
        };
    }

    /** This schedule with each value it leaves out taken from {@link #defaultOf} its kind. */
    public StepSizeSpec withDefaults() {
        StepSizeSpec d = defaultOf(kind);
        return new StepSizeSpec(kind, alpha != null ? alpha : d.alpha, h != null ? h : d.h, n0 != null ? n0 : d.n0,
                omega != null ? omega : d.omega);
    }
}
