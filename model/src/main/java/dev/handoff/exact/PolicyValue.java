package dev.handoff.exact;

/**
 * The exact value of one deterministic policy: V^π on joint states and its return J(π) = Σ_s ρ0(s) V^π(s).
 *
 * @param v          V^π(s) for every joint state
 * @param jValue     J(π)
 * @param residual   ‖R_π + K_π V − V‖∞ of the returned {@code v}
 * @param iterations evaluation sweeps performed (a dense linear solve replaces them when they do not converge)
 */
public record PolicyValue(double[] v, double jValue, double residual, int iterations) {
}
