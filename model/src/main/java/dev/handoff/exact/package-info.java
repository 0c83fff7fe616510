/**
 * The exact solver (ICQ.md §4–5): everything that can be computed in closed form from a finite IC-SMDP
 * ({@link dev.handoff.exact.FiniteSmdp}) and one stochastic decentralised behaviour policy b[view][a].
 *
 * <p>Entry point: {@link dev.handoff.exact.ExactAnalysis#of} → {@link dev.handoff.exact.ExactReport}. The parts:
 * <ul>
 *   <li>{@link dev.handoff.exact.OracleSolver}: Q*, V*, J* by value iteration on the joint SMDP;</li>
 *   <li>{@link dev.handoff.exact.PolicyEvaluation}: V^π and J(π) of view or joint-state policies, greedy tables;</li>
 *   <li>{@link dev.handoff.exact.BehaviourChain}, {@link dev.handoff.exact.Occupancy},
 *       {@link dev.handoff.exact.MixingTime}: the behaviour chain on {@code next}, its μ, t_mix and 1/(1 − |λ₂|);</li>
 *   <li>{@link dev.handoff.exact.InterfaceModel}: (R̂, K̂) and the interface fixed point Q̂;</li>
 *   <li>{@link dev.handoff.exact.AisConstants}: ε_R, δ_K, ρ, γ̄ and the AIS bound.</li>
 * </ul>
 *
 * <p>Choices where ICQ.md leaves room, fixed here so every caller agrees:
 * <ul>
 *   <li>AIS maxima (ε_R, δ_K) and the sup-norm gap run over all joint states, not only the μ-support, so that the
 *       bound covers the sup gap everywhere.</li>
 *   <li>A view with μ(z) = 0 is aggregated with uniform weights over its states; a view with no state gets R̂ = 0,
 *       K̂ = 0, hence Q̂ = 0, and is left out of ρ and of span(Q̂).</li>
 *   <li>Greedy choices treat values within 1e-12 (relative) of the best as tied and take the lowest action index.</li>
 *   <li>μ comes from a direct Grassmann–Taksar–Heyman solve, polished by power iteration when needed; its residual
 *       ‖μP − μ‖₁ is reported.</li>
 *   <li>t_mix counts a worst-start distance of exactly 1/4 (up to 1e-12) as mixed.</li>
 * </ul>
 */
package dev.handoff.exact;
