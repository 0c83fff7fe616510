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

    /**
     * The mean over seeds of the components, by name (the {@code components} of a run summary), or null when there are
     * none; the closure flag holds only if it held for every seed.
     */
    public static java.util.Map<String, Object> meanByName(java.util.Collection<ErrorComponents> perSeed) {
        if (perSeed.isEmpty()) {
            return null;
        }
        double n = perSeed.size();
        double neural = 0, supervised = 0, gap = 0, loss = 0, mixing = 0, total = 0;
        boolean closes = true;
        for (ErrorComponents c : perSeed) {
            neural += c.neuralApprox() / n;
            supervised += c.neuralApproxSupervised() / n;
            gap += c.interfaceGap() / n;
            loss += c.policyLoss() / n;
            mixing += c.mixingResidual() / n;
            total += c.total() / n;
            closes &= c.closureHolds();
        }
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("neuralApprox", neural);
        m.put("neuralApproxSupervised", supervised);
        m.put("interfaceGap", gap);
        m.put("policyLoss", loss);
        m.put("mixingResidual", mixing);
        m.put("total", total);
        m.put("sumOfParts", neural + gap + mixing);
        m.put("closureHolds", closes);
        return m;
    }

    /** total ≤ sum of parts up to a relative rounding slack of 1e-9. */
    static boolean closes(double total, double mixing, double neural, double gap) {
        double sum = mixing + neural + gap;
        return total <= sum + 1e-9 * (1 + Math.abs(sum));
    }
}
