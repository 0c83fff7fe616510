package dev.handoff.exact;

/**
 * The centralised oracle Q* of ICQ.md §1: value iteration on the joint-state SMDP,
 * Q*(s,a) = R(s,a) + Σ_s' K(s'|s,a) max_a' Q*(s',a'), and the oracle return J* = Σ_s ρ0(s) V*(s).
 */
public final class OracleSolver {
    /** Sweeps stop when no entry moves by this much; the reported residual is then below it too. */
    public static final double DEFAULT_TOLERANCE = 1e-11;
    public static final int DEFAULT_MAX_ITERATIONS = 200_000;

    private OracleSolver() {
    }

    public static QSolution solve(FiniteSmdp smdp) {
        return solve(smdp, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    public static QSolution solve(FiniteSmdp smdp, double tolerance, int maxIterations) {
        return ValueIteration.solve(smdp.reward(), smdp.kernel(), tolerance, maxIterations);
    }

    /** J = Σ_s ρ0(s) v(s), the expected return from the reset law. */
    public static double returnOf(FiniteSmdp smdp, double[] stateValues) {
        double[] initial = smdp.initial();
        double sum = 0;
        for (int s = 0; s < initial.length; s++) {
            sum += initial[s] * stateValues[s];
        }
        return sum;
    }
}
