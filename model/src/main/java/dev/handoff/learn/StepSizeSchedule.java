package dev.handoff.learn;

import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;

/**
 * A step size α(n) as a function of the visit count n of (z, a) (ICQ.md §2): constant, harmonic min(1, h/(n + n0)),
 * or polynomial (1 + n)^−ω.
 */
public sealed interface StepSizeSchedule {
    double alpha(long n);

    /** The schedule a workflow names ({@code null}: {@link TrainingSettings#DEFAULT_STEP_SIZE}). */
    static StepSizeSchedule of(StepSizeSpec spec) {
        if (spec == null) {
            return of(TrainingSettings.DEFAULT_STEP_SIZE);
        }
        return switch (spec.kind()) {
            case "constant" -> new Constant(spec.alpha());
            case "harmonic" -> new Harmonic(spec.h(), spec.n0());
            case "polynomial" -> new Polynomial(spec.omega());
            default -> throw new IllegalArgumentException("unknown step-size kind " + spec.kind());
        };
    }

    /** α = alpha for every visit. */
    record Constant(double alpha) implements StepSizeSchedule {
        @Override
        public double alpha(long n) {
            return alpha;
        }
    }

    /** α = min(1, h/(n + n0)): the schedule with the T^−1/2 error rate of ICQ.md §5. */
    record Harmonic(double h, double n0) implements StepSizeSchedule {
        @Override
        public double alpha(long n) {
            return Math.min(1.0, h / (n + n0));
        }
    }

    /** α = (1 + n)^−ω, ω ∈ (1/2, 1]. */
    record Polynomial(double omega) implements StepSizeSchedule {
        @Override
        public double alpha(long n) {
            return Math.pow(1.0 + n, -omega);
        }
    }
}
