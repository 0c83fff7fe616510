package dev.handoff.components;

/**
 * The three error sources of the finite-sample bound (ICQ.md §4), measured on the exact model in the μ-weighted norm
 * (absolute units of Q): {@code Q_T∘σ − Q* = (Q_T − Q_θ∞) + (Q_θ∞ − Q̂) + (Q̂∘σ − Q*)}.
 *
 * @param neuralApprox           ‖Q_θ∞ − Q̂‖_μ, Q_θ∞ from expected projected semi-gradient TD (0 for a tabular learner)
 * @param neuralApproxSupervised min over the class of ‖Q_θ − Q̂‖_μ, the best supervised fit (0 for a tabular learner)
 * @param interfaceGap           ‖Q̂∘σ − Q*‖_μ
 * @param policyLoss             J* − J(greedy(Q̂)∘σ), exact
 * @param mixingResidual         ‖Q_T − Q_θ∞‖_μ after T handoffs along one Markov trajectory
 * @param mixingResidualIid      the same learner fed T i.i.d. samples from μ (NaN where not measured, e.g. live)
 * @param total                  ‖Q_T∘σ − Q*‖_μ
 * @param closureHolds           total ≤ mixingResidual + neuralApprox + interfaceGap (to rounding)
 */
public record ErrorComponents(
        double neuralApprox,
        double neuralApproxSupervised,
        double interfaceGap,
        double policyLoss,
        double mixingResidual,
        double mixingResidualIid,
        double total,
        boolean closureHolds) {

    /** The right-hand side of the closure check. */
    public double sumOfParts() {
        return mixingResidual + neuralApprox + interfaceGap;
    }

    /** total ≤ sum of parts up to a relative rounding slack of 1e-9. */
    static boolean closes(double total, double mixing, double neural, double gap) {
        double sum = mixing + neural + gap;
        return total <= sum + 1e-9 * (1 + Math.abs(sum));
    }
}
