package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Value iteration on a finite SMDP written as rewards and a discounted sub-probability kernel over the same index. */
final class ValueIteration {
    private static final Logger LOG = LoggerFactory.getLogger(ValueIteration.class);

    private ValueIteration() {
    }

    /**
     * Iterates Q ← R + K·max Q (Jacobi sweeps from Q = 0) until one sweep moves no entry by {@code tolerance} or more,
     * then measures the residual ‖TQ − Q‖∞ of the returned table with one more, non-updating application of T.
     */
    static QSolution solve(double[][] reward, SparseRow[][] kernel, double tolerance, int maxIterations) {
        int n = reward.length;
        double[][] q = new double[n][];
        for (int x = 0; x < n; x++) {
            q[x] = new double[reward[x].length];
        }
        double[] v = new double[n];
        int iterations = 0;
        double step = Double.POSITIVE_INFINITY;
        while (step >= tolerance && iterations < maxIterations) {
            step = 0;
            for (int x = 0; x < n; x++) {
                double[] qx = q[x];
                for (int a = 0; a < qx.length; a++) {
                    double value = reward[x][a] + dot(kernel[x][a], v);
                    step = Math.max(step, Math.abs(value - qx[a]));
                    qx[a] = value;
                }
            }
            maxInto(q, v);
            iterations++;
        }
        double residual = bellmanResidual(reward, kernel, q, v);
        if (!(residual < tolerance)) {
            LOG.warn("value iteration stopped after {} sweeps with Bellman residual {} (tolerance {})", iterations,
                    residual, tolerance);
        }
        return new QSolution(q, v, residual, iterations);
    }

    /** ‖TQ − Q‖∞ where {@code v} = max Q. */
    static double bellmanResidual(double[][] reward, SparseRow[][] kernel, double[][] q, double[] v) {
        double residual = 0;
        for (int x = 0; x < q.length; x++) {
            for (int a = 0; a < q[x].length; a++) {
                residual = Math.max(residual, Math.abs(reward[x][a] + dot(kernel[x][a], v) - q[x][a]));
            }
        }
        return residual;
    }

    static double dot(SparseRow row, double[] v) {
        int[] index = row.index();
        double[] weight = row.weight();
        double sum = 0;
        for (int k = 0; k < index.length; k++) {
            sum += weight[k] * v[index[k]];
        }
        return sum;
    }

    static void maxInto(double[][] q, double[] v) {
        for (int x = 0; x < q.length; x++) {
            double[] qx = q[x];
            if (qx.length == 0) {
                v[x] = 0;
                continue;
            }
            double best = qx[0];
            for (int a = 1; a < qx.length; a++) {
                best = Math.max(best, qx[a]);
            }
            v[x] = best;
        }
    }
}
