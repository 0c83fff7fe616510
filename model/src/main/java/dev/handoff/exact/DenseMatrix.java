package dev.handoff.exact;

/** Dense square matrices stored row-major in one {@code double[]}: the few kernels the exact solver needs. */
final class DenseMatrix {
    private DenseMatrix() {
    }

    /** c = a·b for n×n matrices, restricted to the rows listed in {@code rows[0..rowCount)} (other rows of c untouched). */
    static void multiplyRows(double[] a, double[] b, double[] c, int n, int[] rows, int rowCount) {
        for (int r = 0; r < rowCount; r++) {
            int ci = rows[r] * n;
            java.util.Arrays.fill(c, ci, ci + n, 0.0);
            for (int k = 0; k < n; k++) {
                double aik = a[ci + k];
                if (aik == 0.0) {
                    continue;
                }
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
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
