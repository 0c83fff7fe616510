package dev.handoff.exact;

/**
 * A Bellman fixed point Q(x,a) = R(x,a) + Σ K(x'|x,a) max_a' Q(x',a') found by value iteration, over joint states
 * (the oracle Q*) or over views (the interface fixed point Q̂).
 *
 * @param q          q[x][a], one row per state or view, as long as that state's action count
 * @param v          v[x] = max_a q[x][a] (0 for a row without actions)
 * @param residual   the Bellman residual ‖TQ − Q‖∞ of the returned {@code q}, measured after the last sweep
 * @param iterations value-iteration sweeps performed
 */
public record QSolution(double[][] q, double[] v, double residual, int iterations) {
}
