package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/**
 * Exact evaluation of deterministic policies on the joint SMDP: V^π = R_π + K_π V^π, either for a decentralised
 * policy (one action per global view index, the agent acting on σ(s)) or for a joint-state policy.
 */
public final class PolicyEvaluation {
    /** Sweeps stop once no value moves by this much relative to max(1, ‖V‖∞). */
    public static final double RELATIVE_TOLERANCE = 1e-13;
    private static final int MAX_SWEEPS = 50_000;
    private static final int MAX_DENSE_STATES = 4_000;
    /** Greedy choice: an action within this (relative to max(1,|best|)) of the best one counts as tied. */
    public static final double TIE_TOLERANCE = 1e-12;

    private PolicyEvaluation() {
    }

    /** V^π for the decentralised policy π(s) = actionOfView[σ(s)]. */
    public static PolicyValue ofViewPolicy(FiniteSmdp smdp, int[] actionOfView) {
        if (actionOfView.length != smdp.viewCount()) {
            throw new IllegalArgumentException("actionOfView has " + actionOfView.length + " entries, the model has "
                    + smdp.viewCount() + " views");
        }
        int[] actionOfState = new int[smdp.stateCount()];
        for (int s = 0; s < actionOfState.length; s++) {
            actionOfState[s] = actionOfView[smdp.viewOf()[s]];
        }
        return ofStatePolicy(smdp, actionOfState);
    }

    /** V^π for the joint-state policy π(s) = actionOfState[s]. */
    public static PolicyValue ofStatePolicy(FiniteSmdp smdp, int[] actionOfState) {
        int n = smdp.stateCount();
        if (actionOfState.length != n) {
            throw new IllegalArgumentException("actionOfState has " + actionOfState.length + " entries, the model has "
                    + n + " states");
        }
        double[] r = new double[n];
        SparseRow[] k = new SparseRow[n];
        for (int s = 0; s < n; s++) {
            int a = actionOfState[s];
            if (a < 0 || a >= smdp.actionCount(s)) {
                throw new IllegalArgumentException("state " + s + ": action " + a + " outside 0.."
                        + (smdp.actionCount(s) - 1));
            }
            r[s] = smdp.reward()[s][a];
            k[s] = smdp.kernel()[s][a];
        }
        double[] v = new double[n];
        double[] next = new double[n];
        int sweeps = 0;
        boolean converged = false;
        while (!converged && sweeps < MAX_SWEEPS) {
            double step = 0;
            double scale = 1;
            for (int s = 0; s < n; s++) {
                next[s] = r[s] + ValueIteration.dot(k[s], v);
                step = Math.max(step, Math.abs(next[s] - v[s]));
                scale = Math.max(scale, Math.abs(next[s]));
            }
            double[] t = v;
            v = next;
            next = t;
            sweeps++;
            converged = step < RELATIVE_TOLERANCE * scale;
        }
        if (!converged && n <= MAX_DENSE_STATES) {
            double[] solved = denseSolve(r, k, n);
            if (solved != null && residual(r, k, solved) < residual(r, k, v)) {
                v = solved;
            }
        }
        return new PolicyValue(v, OracleSolver.returnOf(smdp, v), residual(r, k, v), sweeps);
    }

    /**
     * V^π by a dense linear solve of (I − K_π) V = R_π: the independent cross-check of the sweeps.
     *
     * @return V^π, or {@code null} if I − K_π is singular (an improper policy without discounting)
     */
    public static double[] solveLinear(FiniteSmdp smdp, int[] actionOfState) {
        int n = smdp.stateCount();
        double[] r = new double[n];
        SparseRow[] k = new SparseRow[n];
        for (int s = 0; s < n; s++) {
            r[s] = smdp.reward()[s][actionOfState[s]];
            k[s] = smdp.kernel()[s][actionOfState[s]];
        }
        return denseSolve(r, k, n);
    }

    private static double[] denseSolve(double[] r, SparseRow[] k, int n) {
        double[] a = new double[n * n];
        for (int s = 0; s < n; s++) {
            a[s * n + s] += 1;
            int[] index = k[s].index();
            double[] weight = k[s].weight();
            for (int e = 0; e < index.length; e++) {
                a[s * n + index[e]] -= weight[e];
            }
        }
        return DenseMatrix.solve(a, r.clone(), n);
    }

    private static double residual(double[] r, SparseRow[] k, double[] v) {
        double residual = 0;
        for (int s = 0; s < v.length; s++) {
            residual = Math.max(residual, Math.abs(r[s] + ValueIteration.dot(k[s], v) - v[s]));
        }
        return residual;
    }

    /**
     * The greedy policy of a Q table (rows = states or views): the lowest action index among those within
     * {@link #TIE_TOLERANCE} of the row's best value, so that exact ties broken by rounding still go to the lowest index.
     * A row without actions gets action 0.
     */
    public static int[] greedy(double[][] q) {
        int[] policy = new int[q.length];
        for (int x = 0; x < q.length; x++) {
            double[] row = q[x];
            if (row.length == 0) {
                continue;
            }
            double best = row[0];
            for (int a = 1; a < row.length; a++) {
                best = Math.max(best, row[a]);
            }
            double threshold = best - TIE_TOLERANCE * Math.max(1, Math.abs(best));
            int chosen = 0;
            while (row[chosen] < threshold) {
                chosen++;
            }
            policy[x] = chosen;
        }
        return policy;
    }
}
