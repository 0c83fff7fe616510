package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A step-size schedule α(n) of the visit count n (ICQ.md §2): {@code constant} (alpha),
 * {@code harmonic} α = min(1, h/(n + n0)), or {@code polynomial} α = (1 + n)^-ω with ω ∈ (1/2, 1].
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "alpha", "h", "n0", "omega"})
public record StepSizeSpec(String kind, Double alpha, Double h, Double n0, Double omega) {
    public static StepSizeSpec constant(double alpha) {
        return new StepSizeSpec("constant", alpha, null, null, null);
    }

    public static StepSizeSpec harmonic(double h, double n0) {
        return new StepSizeSpec("harmonic", null, h, n0, null);
    }

    public static StepSizeSpec polynomial(double omega) {
        return new StepSizeSpec("polynomial", null, null, null, omega);
    }
}
