package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/**
 * The behaviour chain on joint states: P(s'|s) = Σ_a b(a|σ(s)) next(s'|s,a), the undiscounted law of the next decision
 * state (STOP followed by the reset law) under a stochastic decentralised behaviour policy b[view][a].
 */
public final class BehaviourChain {
    private final int stateCount;
    private final int[] rowStart;
    private final int[] column;
    private final double[] probability;

    private BehaviourChain(int stateCount, int[] rowStart, int[] column, double[] probability) {
        this.stateCount = stateCount;
        this.rowStart = rowStart;
        this.column = column;
        this.probability = probability;
    }

    public static BehaviourChain of(FiniteSmdp smdp, double[][] behaviour) {
        ModelChecks.requireBehaviour(smdp, behaviour);
        int n = smdp.stateCount();
        double[] scratch = new double[n];
        int[] touched = new int[n];
        boolean[] isTouched = new boolean[n];
        int[] rowStart = new int[n + 1];
        int[] column = new int[Math.max(16, n * 4)];
        double[] probability = new double[column.length];
        int used = 0;
        for (int s = 0; s < n; s++) {
            int touchedCount = 0;
            double[] b = behaviour[smdp.viewOf()[s]];
            SparseRow[] rows = smdp.next()[s];
            for (int a = 0; a < rows.length; a++) {
                if (b[a] == 0) {
                    continue;
                }
                int[] index = rows[a].index();
                double[] weight = rows[a].weight();
                for (int e = 0; e < index.length; e++) {
                    int target = index[e];
                    if (!isTouched[target]) {
                        isTouched[target] = true;
                        touched[touchedCount++] = target;
                    }
                    scratch[target] += b[a] * weight[e];
                }
            }
            java.util.Arrays.sort(touched, 0, touchedCount);
            if (used + touchedCount > column.length) {
                int capacity = Math.max(column.length * 2, used + touchedCount);
                column = java.util.Arrays.copyOf(column, capacity);
                probability = java.util.Arrays.copyOf(probability, capacity);
            }
            for (int e = 0; e < touchedCount; e++) {
                int target = touched[e];
                column[used] = target;
                probability[used] = scratch[target];
                used++;
                scratch[target] = 0;
                isTouched[target] = false;
            }
            rowStart[s + 1] = used;
        }
        return new BehaviourChain(n, rowStart, column, probability);
    }

    public int stateCount() {
        return stateCount;
    }

    /** out = x·P (a distribution pushed one decision epoch forward). */
    public void step(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int s = 0; s < stateCount; s++) {
            double xs = x[s];
            if (xs == 0.0) {
                continue;
            }
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                out[column[e]] += xs * probability[e];
            }
        }
    }

    /** ‖x·P − x‖₁. */
    public double stationarityResidual(double[] x) {
        double[] pushed = new double[stateCount];
        step(x, pushed);
        double sum = 0;
        for (int s = 0; s < stateCount; s++) {
            sum += Math.abs(pushed[s] - x[s]);
        }
        return sum;
    }

    /** Number of stored transitions (non-zeros of P). */
    public int transitionCount() {
        return rowStart[stateCount];
    }

    /**
     * Groups states whose rows of P are identical (e.g. states that differ only in what changes durations, not where
     * the artifact goes next): {@code classOf[s]} numbers the groups 0..m−1 in order of first appearance. All powers P^t
     * have the same rows within a group, which lets the mixing-time computation work on m rows instead of n.
     */
    int[] identicalRowClasses() {
        int[] classOf = new int[stateCount];
        java.util.Map<Integer, java.util.List<Integer>> representativesByHash = new java.util.HashMap<>();
        int classes = 0;
        int[] representativeOfClass = new int[stateCount];
        for (int s = 0; s < stateCount; s++) {
            int hash = rowHash(s);
            java.util.List<Integer> candidates = representativesByHash.computeIfAbsent(hash,
                    h -> new java.util.ArrayList<>());
            int found = -1;
            for (int c : candidates) {
                if (sameRow(representativeOfClass[c], s)) {
                    found = c;
                    break;
                }
            }
            if (found < 0) {
                found = classes++;
                representativeOfClass[found] = s;
                candidates.add(found);
            }
            classOf[s] = found;
        }
        return classOf;
    }

    private int rowHash(int s) {
        int hash = 1;
        for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
            hash = 31 * hash + column[e];
            hash = 31 * hash + Double.hashCode(probability[e]);
        }
        return hash;
    }

    private boolean sameRow(int s1, int s2) {
        int length = rowStart[s1 + 1] - rowStart[s1];
        if (length != rowStart[s2 + 1] - rowStart[s2]) {
            return false;
        }
        for (int e = 0; e < length; e++) {
            if (column[rowStart[s1] + e] != column[rowStart[s2] + e]
                    || probability[rowStart[s1] + e] != probability[rowStart[s2] + e]) {
                return false;
            }
        }
        return true;
    }

    /** The rows of P of the given states, dense, one after another (rows.length × n, row-major). */
    double[] denseRows(int[] states) {
        int n = stateCount;
        DenseMatrix.requireFits(states.length, n, 0, "the mixing time");
        double[] p = new double[states.length * n];
        for (int r = 0; r < states.length; r++) {
            int s = states[r];
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                p[r * n + column[e]] += probability[e];
            }
        }
        return p;
    }

    /** P as a dense row-major n×n matrix, states relabelled so that state {@code order[i]} becomes row i. */
    double[] dense(int[] order) {
        int n = stateCount;
        DenseMatrix.requireFits(n, n, 0, "the occupancy μ");
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
        double[] p = new double[n * n];
        for (int s = 0; s < n; s++) {
            int row = position[s] * n;
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                p[row + position[column[e]]] += probability[e];
            }
        }
        return p;
    }
}
