package dev.handoff.exact;

/**
 * The exact figures of one finite IC-SMDP under one behaviour policy (ICQ.md §4–5); the record component names are the
 * JSON field names printed by {@code handoff exact}.
 *
 * @param stateCount           joint states
 * @param viewCount            global views (all agents)
 * @param viewActionCount      Σ_z |A(z)|, the size of the tabular IC-Q table
 * @param vStar                J* = Σ ρ0(s) V*(s), the oracle return
 * @param greedyReturn         J(greedy(Q̂)∘σ), the return of the decentralised greedy policy of Q̂
 * @param interfaceGapQ        ‖Q̂∘σ − Q*‖_μ = sqrt(Σ_s Σ_a μ(s) b(a|σ(s)) (Q̂(σ(s),a) − Q*(s,a))²)
 * @param interfaceGapQSup     max over all s, a of |Q̂(σ(s),a) − Q*(s,a)|
 * @param policyLoss           J* − J(greedy(Q̂)∘σ)
 * @param tMix                 smallest t with worst-start TV(P^t(s,·), μ) ≤ 1/4 ({@link MixingTime#NOT_MIXED} if none)
 * @param relaxationTime       1/(1 − |λ₂|) of the behaviour chain
 * @param epsR                 ε_R
 * @param deltaK               δ_K
 * @param rho                  ρ
 * @param gammaBar             γ̄ = max E[γ^τ]
 * @param aisBound             (ε_R + ρ·δ_K)/(1 − γ̄)
 * @param viResOracle          Bellman residual ‖TQ* − Q*‖∞ of the returned oracle table
 * @param viItersOracle        value-iteration sweeps for Q*
 * @param viResInterface       Bellman residual of the returned Q̂ on the interface model
 * @param viItersInterface     value-iteration sweeps for Q̂
 * @param stationarityResidual ‖μP − μ‖₁
 * @param muMin                smallest positive μ(z)
 * @param unvisitedViews       views holding at least one state but μ(z) = 0
 */
public record ExactReport(
        int stateCount,
        int viewCount,
        int viewActionCount,
        double vStar,
        double greedyReturn,
        double interfaceGapQ,
        double interfaceGapQSup,
        double policyLoss,
        long tMix,
        double relaxationTime,
        double epsR,
        double deltaK,
        double rho,
        double gammaBar,
        double aisBound,
        double viResOracle,
        int viItersOracle,
        double viResInterface,
        int viItersInterface,
        double stationarityResidual,
        double muMin,
        int unvisitedViews) {
}
