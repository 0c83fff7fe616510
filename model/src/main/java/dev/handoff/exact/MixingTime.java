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
     *
     * <p>States with identical rows of P have identical rows in every power, so only one row per group is kept:
     * with m groups, P^t = E·R_t (E the n×m group indicator, R_t the m×n distinct rows) and
     * R_{a+b} = (R_a·E)·R_b costs m²n instead of n³.
     */
    public static MixingTime of(BehaviourChain chain, double[] mu) {
        int n = chain.stateCount();
        if (n == 1) {
            return new MixingTime(0, 1, 0);
        }
        Lumped lumped = Lumped.of(chain);
        int m = lumped.groups;
        int[] allGroups = firstIntegers(m);
        List<double[]> powers = new ArrayList<>();
        powers.add(chain.denseRows(lumped.representative));
        boolean mixed = worstDistance(powers.get(0), mu, n, allGroups, m) <= THRESHOLD;
        double[] folded = new double[m * m];
        while (!mixed && powers.size() <= MAX_DOUBLINGS) {
            double[] last = powers.get(powers.size() - 1);
            // every power is kept for the binary search: refuse the next one before it would exhaust the heap
            DenseMatrix.requireFits(m, n, ((long) powers.size() * m * n + (long) m * m) * Double.BYTES, "the mixing time");
            double[] square = new double[m * n];
            DenseMatrix.foldColumns(last, n, lumped.groupOf, m, folded, allGroups, m);
            DenseMatrix.multiplyRows(folded, m, last, n, square, allGroups, m);
            powers.add(square);
            mixed = worstDistance(square, mu, n, allGroups, m) <= THRESHOLD;
        }
        int k = powers.size() - 1;
        long tMix = mixed ? binarySearch(powers, lumped, mu, n) : NOT_MIXED;
        double modulus = secondEigenvalueModulus(powers.get(k), lumped, 1L << k, mu, n);
        double relaxation = modulus >= 1 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - modulus);
        return new MixingTime(tMix, relaxation, modulus);
    }

    /** The groups of states with identical rows of P, and one representative state per group. */
    private record Lumped(int groups, int[] groupOf, int[] representative) {
        static Lumped of(BehaviourChain chain) {
            int[] groupOf = chain.identicalRowClasses();
            int groups = 0;
            for (int g : groupOf) {
                groups = Math.max(groups, g + 1);
            }
            int[] representative = new int[groups];
            java.util.Arrays.fill(representative, -1);
            for (int s = 0; s < groupOf.length; s++) {
                if (representative[groupOf[s]] < 0) {
                    representative[groupOf[s]] = s;
                }
            }
            return new Lumped(groups, groupOf, representative);
        }
    }

    /** powers[k] is the first power within 1/4; finds the smallest t in (2^(k−1), 2^k] with d(t) ≤ 1/4. */
    private static long binarySearch(List<double[]> powers, Lumped lumped, double[] mu, int n) {
        int k = powers.size() - 1;
        if (k == 0) {
            return 1;
        }
        int m = lumped.groups;
        DenseMatrix.requireFits(2L * m, n, ((long) powers.size() * m * n + (long) m * m) * Double.BYTES, "the mixing time");
        double[] current = powers.get(k - 1).clone();
        long t = 1L << (k - 1);
        int[] active = new int[m];
        int activeCount = farRows(current, mu, n, firstIntegers(m), m, active);
        double[] candidate = new double[m * n];
        double[] folded = new double[m * m];
        int[] stillFar = new int[m];
        for (int j = k - 2; j >= 0; j--) {
            DenseMatrix.foldColumns(current, n, lumped.groupOf, m, folded, active, activeCount);
            DenseMatrix.multiplyRows(folded, m, powers.get(j), n, candidate, active, activeCount);
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

    private static int[] firstIntegers(int n) {
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
     * removed every step) under B = P^power = E·R: the mean log growth per step over the second half of the iterations
     * is power·ln|λ₂| (the average also settles when λ₂ is a complex pair).
     */
    private static double secondEigenvalueModulus(double[] rows, Lumped lumped, long power, double[] mu, int n) {
        int m = lumped.groups;
        int iterations = (int) Math.max(40, Math.min(400, POWER_WORK_BUDGET / ((long) m * n)));
        Rng rng = new Rng(0x5EED_2L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() - 0.5;
        }
        deflate(x, mu);
        if (normalise(x) == 0) {
            return 0;
        }
        double[] grouped = new double[m];
        double[] y = new double[n];
        double logSum = 0;
        int counted = 0;
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(grouped, 0.0);
            for (int i = 0; i < n; i++) {
                grouped[lumped.groupOf[i]] += x[i];
            }
            java.util.Arrays.fill(y, 0.0);
            for (int g = 0; g < m; g++) {
                double xg = grouped[g];
                if (xg == 0.0) {
                    continue;
                }
                int base = g * n;
                for (int j = 0; j < n; j++) {
                    y[j] += xg * rows[base + j];
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
        double modulus = Math.exp(logSum / counted / power);
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
