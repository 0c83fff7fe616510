package dev.handoff.views.training.curves;

import dev.handoff.components.ErrorComponents;

/** The error components of the bound {@code ‖Q_T∘σ − Q*‖_μ ≤ mixing + neural + gap} (ICQ.md §4), and their sum. */
public enum ErrorComponent {
    NEURAL_APPROX("neural approximation"), INTERFACE_GAP("interface gap"), MIXING_RESIDUAL("mixing residual"),
    TOTAL("total"), SUM_OF_PARTS("sum of parts");

    private final String label;

    ErrorComponent(String label) {
        this.label = label;
    }

    /** This component of one reading. */
    public double of(ErrorComponents c) {
        return switch (this) {
            case NEURAL_APPROX -> c.neuralApprox();
            case INTERFACE_GAP -> c.interfaceGap();
            case MIXING_RESIDUAL -> c.mixingResidual();
            case TOTAL -> c.total();
            case SUM_OF_PARTS -> c.sumOfParts();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
