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

    /** P as a dense row-major n×n matrix, states relabelled so that state {@code order[i]} becomes row i. */
    double[] dense(int[] order) {
        int n = stateCount;
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

    double[] dense() {
        int[] identity = new int[stateCount];
        for (int i = 0; i < stateCount; i++) {
            identity[i] = i;
        }
        return dense(identity);
    }
}
