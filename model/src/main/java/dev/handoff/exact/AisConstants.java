package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/**
 * The approximate-information-state constants of the interface (ICQ.md §4–5) and the bound they give on the
 * interface gap: ‖Q̂∘σ − Q*‖∞ ≤ (ε_R + ρ·δ_K)/(1 − γ̄). Maxima run over <em>all</em> joint states and actions (not only
 * the μ-support), so the bound covers the sup-norm gap everywhere.
 *
 * @param epsR     ε_R = max_{s,a} |R(s,a) − R̂(σ(s),a)|
 * @param deltaK   δ_K = max_{s,a} (Σ_z' |K_σ(z'|s,a) − K̂(z'|σ(s),a)| + |mass K_σ(·|s,a) − mass K̂(·|σ(s),a)|)
 * @param rho      ρ = (max(V̂_max, 0) − min(V̂_min, 0))/2 over views that hold a state (the span with an absorbing 0)
 * @param gammaBar γ̄ = max_{s,a} E[γ^τ]
 * @param aisBound (ε_R + ρ·δ_K)/(1 − γ̄), infinite when γ̄ = 1
 */
public record AisConstants(double epsR, double deltaK, double rho, double gammaBar, double aisBound) {

    public static AisConstants of(InterfaceModel model, QSolution interfaceSolution) {
        FiniteSmdp smdp = model.smdp();
        int views = smdp.viewCount();
        int[] viewOf = smdp.viewOf();
        double[] difference = new double[views];
        boolean[] touched = new boolean[views];
        int[] touchedList = new int[views];
        double epsR = 0;
        double deltaK = 0;
        double gammaBar = 0;
        for (int s = 0; s < smdp.stateCount(); s++) {
            int z = viewOf[s];
            for (int a = 0; a < smdp.actionCount(s); a++) {
                epsR = Math.max(epsR, Math.abs(smdp.reward()[s][a] - model.reward()[z][a]));
                gammaBar = Math.max(gammaBar, smdp.discount()[s][a]);
                int count = 0;
                double massDifference = 0;
                SparseRow row = smdp.kernel()[s][a];
                for (int e = 0; e < row.index().length; e++) {
                    int target = viewOf[row.index()[e]];
                    if (!touched[target]) {
                        touched[target] = true;
                        touchedList[count++] = target;
                    }
                    difference[target] += row.weight()[e];
                    massDifference += row.weight()[e];
                }
                SparseRow aggregated = model.kernel()[z][a];
                for (int e = 0; e < aggregated.index().length; e++) {
                    int target = aggregated.index()[e];
                    if (!touched[target]) {
                        touched[target] = true;
                        touchedList[count++] = target;
                    }
                    difference[target] -= aggregated.weight()[e];
                    massDifference -= aggregated.weight()[e];
                }
                double distance = Math.abs(massDifference);
                for (int i = 0; i < count; i++) {
                    int target = touchedList[i];
                    distance += Math.abs(difference[target]);
                    difference[target] = 0;
                    touched[target] = false;
                }
                deltaK = Math.max(deltaK, distance);
            }
        }
        boolean[] hasState = new boolean[views];
        for (int z : viewOf) {
            hasState[z] = true;
        }
        double vMax = 0;
        double vMin = 0;
        double[] vHat = interfaceSolution.v();
        for (int z = 0; z < views; z++) {
            if (hasState[z]) {
                vMax = Math.max(vMax, vHat[z]);
                vMin = Math.min(vMin, vHat[z]);
            }
        }
        double rho = (vMax - vMin) / 2;
        double bound = gammaBar >= 1 ? Double.POSITIVE_INFINITY : (epsR + rho * deltaK) / (1 - gammaBar);
        return new AisConstants(epsR, deltaK, rho, gammaBar, bound);
    }
}
