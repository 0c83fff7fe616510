package dev.handoff.exact;

import dev.handoff.util.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast the behaviour chain forgets its start (ICQ.md §4, the mixing-time residual): t_mix, the smallest t with
 * max_s TV(P^t(s,·), μ) ≤ 1/4, and the relaxation time 1/(1 − |λ₂|).
 *
 * @param tMix                    the mixing time, or {@link #NOT_MIXED} if the chain is still farther than 1/4 from μ
 *                                after 2^{@value #MAX_DOUBLINGS} steps (periodic or reducible chains)
 * @param relaxationTime          1/(1 − |λ₂|) (infinite when |λ₂| = 1)
 * @param secondEigenvalueModulus |λ₂|, the largest modulus of an eigenvalue of P other than the Perron root 1
 */
public record MixingTime(long tMix, double relaxationTime, double secondEigenvalueModulus) {
    public static final long NOT_MIXED = -1;
    public static final int MAX_DOUBLINGS = 30;
    /** The threshold 1/4, with a rounding allowance so that exact ties (e.g. d(t) = 1/4 exactly) count as mixed. */
    private static final double THRESHOLD = 0.25 + 1e-12;
    private static final long POWER_WORK_BUDGET = 300_000_000L;

    /**
     * Computes both times from dense powers of P: P^(2^j) by repeated squaring until the worst-start distance drops to
     * 1/4, then a binary search over the remaining bits (rows already within 1/4 are dropped: per-start distance never
     * grows). |λ₂| comes from deflated power iteration on the last power P^m (λ₂^m is well separated there).
     */
    public static MixingTime of(BehaviourChain chain, double[] mu) {
        int n = chain.stateCount();
        if (n == 1) {
            return new MixingTime(0, 1, 0);
        }
        int[] allRows = allRows(n);
        List<double[]> powers = new ArrayList<>();
        powers.add(chain.dense());
        boolean mixed = worstDistance(powers.get(0), mu, n, allRows, n) <= THRESHOLD;
        while (!mixed && powers.size() <= MAX_DOUBLINGS) {
            double[] last = powers.get(powers.size() - 1);
            double[] square = new double[n * n];
            DenseMatrix.multiplyRows(last, last, square, n, allRows, n);
            powers.add(square);
            mixed = worstDistance(square, mu, n, allRows, n) <= THRESHOLD;
        }
        int k = powers.size() - 1;
        long tMix = mixed ? binarySearch(powers, mu, n) : NOT_MIXED;
        double modulus = secondEigenvalueModulus(powers.get(k), 1L << k, mu, n);
        double relaxation = modulus >= 1 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - modulus);
        return new MixingTime(tMix, relaxation, modulus);
    }

    /** powers[k] is the first power within 1/4; finds the smallest t in (2^(k−1), 2^k] with d(t) ≤ 1/4. */
    private static long binarySearch(List<double[]> powers, double[] mu, int n) {
        int k = powers.size() - 1;
        if (k == 0) {
            return 1;
        }
        double[] current = powers.get(k - 1).clone();
        long t = 1L << (k - 1);
        int[] active = new int[n];
        int activeCount = farRows(current, mu, n, allRows(n), n, active);
        double[] candidate = new double[n * n];
        int[] stillFar = new int[n];
        for (int j = k - 2; j >= 0; j--) {
            DenseMatrix.multiplyRows(current, powers.get(j), candidate, n, active, activeCount);
            int farCount = farRows(candidate, mu, n, active, activeCount, stillFar);
            if (farCount > 0) {
                double[] swap = current;
                current = candidate;
                candidate = swap;
                int[] rows = active;
                active = stillFar;
                stillFar = rows;
                activeCount = farCount;
                t += 1L << j;
            }
        }
        return t + 1;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Writes into {@code far} the listed rows whose distance to μ exceeds 1/4; returns how many. */
    private static int farRows(double[] m, double[] mu, int n, int[] rows, int rowCount, int[] far) {
        int count = 0;
        for (int r = 0; r < rowCount; r++) {
            if (rowDistance(m, mu, n, rows[r]) > THRESHOLD) {
                far[count++] = rows[r];
            }
        }
        return count;
    }

    private static double worstDistance(double[] m, double[] mu, int n, int[] rows, int rowCount) {
        double worst = 0;
        for (int r = 0; r < rowCount; r++) {
            worst = Math.max(worst, rowDistance(m, mu, n, rows[r]));
        }
        return worst;
    }

    private static double rowDistance(double[] m, double[] mu, int n, int row) {
        int base = row * n;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.abs(m[base + j] - mu[j]);
        }
        return 0.5 * sum;
    }

    /**
     * |λ₂| from power iteration of a row vector x (kept orthogonal to the constant vector, i.e. with the μ component
     * removed every step) under B = P^m: the mean log growth per step over the second half of the iterations is
     * m·ln|λ₂| (the average also settles when λ₂ is a complex pair).
     */
    private static double secondEigenvalueModulus(double[] b, long m, double[] mu, int n) {
        int iterations = (int) Math.max(40, Math.min(400, POWER_WORK_BUDGET / ((long) n * n)));
        Rng rng = new Rng(0x5EED_2L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() - 0.5;
        }
        deflate(x, mu);
        double norm = normalise(x);
        if (norm == 0) {
            return 0;
        }
        double[] y = new double[n];
        double logSum = 0;
        int counted = 0;
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(y, 0.0);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (xi == 0.0) {
                    continue;
                }
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    y[j] += xi * b[base + j];
                }
            }
            deflate(y, mu);
            double growth = normalise(y);
            if (!(growth > 1e-280)) {
                return 0;
            }
            if (it >= iterations / 2) {
                logSum += Math.log(growth);
                counted++;
            }
            double[] t = x;
            x = y;
            y = t;
        }
        double modulus = Math.exp(logSum / counted / m);
        return Math.min(modulus, 1.0);
    }

    private static void deflate(double[] x, double[] mu) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] -= sum * mu[i];
        }
    }

    /** Scales x to unit 1-norm; returns the norm it had. */
    private static double normalise(double[] x) {
        double norm = 0;
        for (double v : x) {
            norm += Math.abs(v);
        }
        if (norm > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= norm;
            }
        }
        return norm;
    }
}
