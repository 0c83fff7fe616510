package dev.handoff.components;

import dev.handoff.exact.ExactAnalysis;

/**
 * Reads the error components of a learner while it trains: a trainer calls {@link #read} every K handoffs with the
 * learner's Q by global view, and the result goes to the dashboard and {@code metrics.csv}. The fixed parts (Q_θ∞ or
 * Q̂, the neural term, the gap) are computed once; each reading costs one pass over views and joint states.
 * Live readings have no i.i.d. twin: {@link ErrorComponents#mixingResidualIid()} is NaN.
 */
public final class ComponentProbe {
    private final ExactAnalysis exact;
    private final double[][] reference;
    private final double neural;
    private final double supervised;

    ComponentProbe(ExactAnalysis exact, double[][] reference, double neural, double supervised) {
        this.exact = exact;
        this.reference = reference;
        this.neural = neural;
        this.supervised = supervised;
    }

    /** The components of the learner whose Q by global view is {@code viewTable}. */
    public ErrorComponents read(double[][] viewTable) {
        double mixing = MuNorm.betweenViews(exact, viewTable, reference);
        double total = MuNorm.toOracle(exact, viewTable);
        double gap = exact.report().interfaceGapQ();
        return new ErrorComponents(neural, supervised, gap, exact.report().policyLoss(), mixing, Double.NaN, total,
                ErrorComponents.closes(total, mixing, neural, gap));
    }

    /** {@link #read} stamped with the seed and the handoff count. */
    public ComponentReading reading(long seed, long handoffs, double[][] viewTable) {
        return new ComponentReading(seed, handoffs, read(viewTable));
    }

    /** Q_θ∞ (or Q̂ for tabular) by global view: what the mixing residual is measured against. */
    public double[][] reference() {
        return reference;
    }
}
