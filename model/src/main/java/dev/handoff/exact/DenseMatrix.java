package dev.handoff.exact;

/** Dense square matrices stored row-major in one {@code double[]}: the few kernels the exact solver needs. */
final class DenseMatrix {
    private DenseMatrix() {
    }

    /**
     * c = a·b restricted to the rows listed in {@code rows[0..rowCount)} (other rows of c untouched), where a has
     * {@code inner} columns and b and c have {@code n} columns (all row-major). Rows are done four at a time so that each
     * row of b is read once per four rows of c.
     */
    static void multiplyRows(double[] a, int inner, double[] b, int n, double[] c, int[] rows, int rowCount) {
        int r = 0;
        for (; r + 4 <= rowCount; r += 4) {
            int a0i = rows[r] * inner;
            int a1i = rows[r + 1] * inner;
            int a2i = rows[r + 2] * inner;
            int a3i = rows[r + 3] * inner;
            int c0 = rows[r] * n;
            int c1 = rows[r + 1] * n;
            int c2 = rows[r + 2] * n;
            int c3 = rows[r + 3] * n;
            java.util.Arrays.fill(c, c0, c0 + n, 0.0);
            java.util.Arrays.fill(c, c1, c1 + n, 0.0);
            java.util.Arrays.fill(c, c2, c2 + n, 0.0);
            java.util.Arrays.fill(c, c3, c3 + n, 0.0);
            for (int k = 0; k < inner; k++) {
                double x0 = a[a0i + k];
                double x1 = a[a1i + k];
                double x2 = a[a2i + k];
                double x3 = a[a3i + k];
                if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
                    continue;
                }
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    double bkj = b[bk + j];
                    c[c0 + j] += x0 * bkj;
                    c[c1 + j] += x1 * bkj;
                    c[c2 + j] += x2 * bkj;
                    c[c3 + j] += x3 * bkj;
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
