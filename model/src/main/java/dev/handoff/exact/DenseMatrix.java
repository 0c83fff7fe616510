package dev.handoff.exact;

import dev.handoff.input.HeapBudget;
import dev.handoff.input.InputLimits;
import dev.handoff.input.LimitExceededException;

/** Dense square matrices stored row-major in one {@code double[]}: the few kernels the exact solver needs. */
final class DenseMatrix {
    private DenseMatrix() {
    }

    /**
     * Refuses, before allocating, a dense {@code rows}×{@code cols} matrix that a Java array cannot index or that would
     * not fit the heap beside {@code heldBytes} the computation already holds.
     */
    static void requireFits(long rows, long cols, long heldBytes, String what) {
        long entries = HeapBudget.times(rows, cols);
        if (entries < 0 || entries > Integer.MAX_VALUE - 8) {
            throw new LimitExceededException(InputLimits.EXACT_STATES, what + ": a dense " + rows + "×" + cols
                    + " matrix is larger than a Java array can hold (" + InputLimits.EXACT_STATES + ")");
        }
        HeapBudget.require(HeapBudget.plus(heldBytes, entries * Double.BYTES), what + " (a dense " + rows + "×" + cols + " matrix)");
    }

    /**
     * c = a·b restricted to the rows listed in {@code rows[0..rowCount)} (other rows of c untouched), where a has
     * {@code inner} columns and b and c have {@code n} columns (all row-major). Two rows of c and four rows of b are
     * combined per pass, which keeps the loop bound by arithmetic rather than by loads and stores of c.
     */
    static void multiplyRows(double[] a, int inner, double[] b, int n, double[] c, int[] rows, int rowCount) {
        int r = 0;
        for (; r + 2 <= rowCount; r += 2) {
            int a0 = rows[r] * inner;
            int a1 = rows[r + 1] * inner;
            int c0 = rows[r] * n;
            int c1 = rows[r + 1] * n;
            java.util.Arrays.fill(c, c0, c0 + n, 0.0);
            java.util.Arrays.fill(c, c1, c1 + n, 0.0);
            int k = 0;
            for (; k + 4 <= inner; k += 4) {
                double x0 = a[a0 + k];
                double x1 = a[a0 + k + 1];
                double x2 = a[a0 + k + 2];
                double x3 = a[a0 + k + 3];
                double y0 = a[a1 + k];
                double y1 = a[a1 + k + 1];
                double y2 = a[a1 + k + 2];
                double y3 = a[a1 + k + 3];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0
                        && y0 == 0.0 && y1 == 0.0 && y2 == 0.0 && y3 == 0.0) {
                    continue;
                }
                int b0 = k * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    double u0 = b[b0 + j];
                    double u1 = b[b1 + j];
                    double u2 = b[b2 + j];
                    double u3 = b[b3 + j];
                    c[c0 + j] += x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
                    c[c1 + j] += y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
                }
            }
            for (; k < inner; k++) {
                double x = a[a0 + k];
                double y = a[a1 + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    double u = b[bk + j];
                    c[c0 + j] += x * u;
                    c[c1 + j] += y * u;
                }
            }
        }
        for (; r < rowCount; r++) {
            int ai = rows[r] * inner;
            int ci = rows[r] * n;
            java.util.Arrays.fill(c, ci, ci + n, 0.0);
            for (int k = 0; k < inner; k++) {
                double x = a[ai + k];
                if (x == 0.0) {
                    continue;
                }
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x * b[bk + j];
                }
            }
        }
    }

    /**
     * out[row][classOf[k]] = Σ of m[row][k] over the columns k of each class, for the listed rows: m (n columns) times the
     * n×classes indicator matrix of the classes.
     */
    static void foldColumns(double[] m, int n, int[] classOf, int classes, double[] out, int[] rows, int rowCount) {
        for (int r = 0; r < rowCount; r++) {
            int row = rows[r];
            int mi = row * n;
            int oi = row * classes;
            java.util.Arrays.fill(out, oi, oi + classes, 0.0);
            for (int k = 0; k < n; k++) {
                out[oi + classOf[k]] += m[mi + k];
            }
        }
    }

    /**
     * Solves a·x = b by Gaussian elimination with partial pivoting; {@code a} and {@code b} are overwritten.
     *
     * @return x, or {@code null} if a pivot is (numerically) zero
     */
    static double[] solve(double[] a, double[] b, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = Math.abs(a[col * n + col]);
            for (int r = col + 1; r < n; r++) {
                double candidate = Math.abs(a[r * n + col]);
                if (candidate > best) {
                    best = candidate;
                    pivot = r;
                }
            }
            if (best < 1e-300) {
                return null;
            }
            if (pivot != col) {
                swapRows(a, n, pivot, col);
                double t = b[pivot];
                b[pivot] = b[col];
                b[col] = t;
            }
            double diagonal = a[col * n + col];
            for (int r = col + 1; r < n; r++) {
                double factor = a[r * n + col] / diagonal;
                if (factor == 0.0) {
                    continue;
                }
                int rr = r * n;
                int cc = col * n;
                for (int j = col; j < n; j++) {
                    a[rr + j] -= factor * a[cc + j];
                }
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int j = r + 1; j < n; j++) {
                sum -= a[r * n + j] * x[j];
            }
            x[r] = sum / a[r * n + r];
        }
        return x;
    }

    private static void swapRows(double[] a, int n, int r1, int r2) {
        for (int j = 0; j < n; j++) {
            double t = a[r1 * n + j];
            a[r1 * n + j] = a[r2 * n + j];
            a[r2 * n + j] = t;
        }
    }

    /**
     * Stationary law of a row-stochastic matrix by the Grassmann–Taksar–Heyman elimination (no subtractions, so it is
     * accurate even for nearly decomposable, slowly mixing chains). {@code p} is overwritten. State 0 must be recurrent.
     *
     * @return π with Σπ = 1, or {@code null} if the elimination meets a closed class that excludes state 0
     */
    static double[] stationaryGth(double[] p, int n) {
        for (int m = n - 1; m >= 1; m--) {
            int mm = m * n;
            double out = 0;
            for (int j = 0; j < m; j++) {
                out += p[mm + j];
            }
            if (!(out > 0)) {
                return null;
            }
            for (int i = 0; i < m; i++) {
                p[i * n + m] /= out;
            }
            for (int i = 0; i < m; i++) {
                double f = p[i * n + m];
                if (f == 0.0) {
                    continue;
                }
                int ii = i * n;
                for (int j = 0; j < m; j++) {
                    p[ii + j] += f * p[mm + j];
                }
            }
        }
        double[] pi = new double[n];
        pi[0] = 1;
        double total = 1;
        for (int j = 1; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < j; i++) {
                sum += pi[i] * p[i * n + j];
            }
            pi[j] = sum;
            total += sum;
        }
        for (int j = 0; j < n; j++) {
            pi[j] /= total;
        }
        return pi;
    }
}
