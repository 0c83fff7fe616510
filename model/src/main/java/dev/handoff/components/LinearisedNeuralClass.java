package dev.handoff.components;

/**
 * One agent's linearised neural class F_{R,m} = {f₀ + ⟨∇f(W₀), W − W₀⟩ : ‖W − W₀‖ ≤ R} of the reference two-layer
 * network (f₀ ≡ 0 by its symmetric initialisation), on the agent's (view, action) pairs, with the μ-weighted projection
 * Π_F(y) = argmin_{f ∈ F} Σ_p w_p (f_p − y_p)², w_p = μ(z)·b(a|z). Computed in the kernel form: f = G·c with G the
 * network's NTK Gram at W₀ and ‖W − W₀‖² = cᵀGc; the ball is enforced by the ridge multiplier ν found by bisection.
 */
final class LinearisedNeuralClass {
    private static final double RANK_TOLERANCE = 1e-12;

    private final int size;
    private final double radius;
    private final double[] sqrtWeight;
    private final double[] lambda;
    private final double[][] u;
    private final double[][] fitMap;
    private final double[] scratch;
    private final double[] coefficient;

    /**
     * @param gram   G[p][q] at W₀ over the agent's pairs
     * @param weight w_p ≥ 0
     * @param radius R
     */
    LinearisedNeuralClass(double[][] gram, double[] weight, double radius) {
        this.size = gram.length;
        this.radius = radius;
        this.sqrtWeight = new double[size];
        for (int p = 0; p < size; p++) {
            sqrtWeight[p] = Math.sqrt(Math.max(0, weight[p]));
        }
        double[][] s = new double[size][size];
        for (int p = 0; p < size; p++) {
            for (int q = 0; q < size; q++) {
                s[p][q] = sqrtWeight[p] * gram[p][q] * sqrtWeight[q];
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(s);
        double max = 0;
        for (double l : eig.values()) {
            max = Math.max(max, l);
        }
        this.lambda = new double[size];
        for (int k = 0; k < size; k++) {
            lambda[k] = eig.values()[k] > RANK_TOLERANCE * max ? eig.values()[k] : 0;
        }
        this.u = eig.vectors();
        // fitMap = G · D^{1/2} · U
        this.fitMap = new double[size][size];
        double[][] du = new double[size][size];
        for (int q = 0; q < size; q++) {
            for (int k = 0; k < size; k++) {
                du[q][k] = sqrtWeight[q] * u[q][k];
            }
        }
        for (int p = 0; p < size; p++) {
            for (int q = 0; q < size; q++) {
                double g = gram[p][q];
                if (g == 0) {
                    continue;
                }
                for (int k = 0; k < size; k++) {
                    fitMap[p][k] += g * du[q][k];
                }
            }
        }
        this.scratch = new double[size];
        this.coefficient = new double[size];
    }

    /** out = Π_F(y); returns ‖W − W₀‖ of the projection. */
    double project(double[] y, double[] out) {
        for (int k = 0; k < size; k++) {
            double sum = 0;
            for (int p = 0; p < size; p++) {
                sum += u[p][k] * sqrtWeight[p] * y[p];
            }
            scratch[k] = sum;
        }
        double nu = 0;
        double norm0 = normSquared(0);
        if (norm0 > radius * radius) {
            double total = 0;
            for (int k = 0; k < size; k++) {
                total += lambda[k] * scratch[k] * scratch[k];
            }
            double hi = Math.sqrt(total) / radius;
            double lo = 0;
            for (int it = 0; it < 100; it++) {
                double mid = 0.5 * (lo + hi);
                if (normSquared(mid) > radius * radius) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            nu = hi;
        }
        for (int k = 0; k < size; k++) {
            coefficient[k] = lambda[k] > 0 ? scratch[k] / (lambda[k] + nu) : 0;
        }
        for (int p = 0; p < size; p++) {
            double sum = 0;
            for (int k = 0; k < size; k++) {
                sum += fitMap[p][k] * coefficient[k];
            }
            out[p] = sum;
        }
        return Math.sqrt(normSquared(nu));
    }

    private double normSquared(double nu) {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            if (lambda[k] > 0) {
                double d = lambda[k] + nu;
                sum += lambda[k] * scratch[k] * scratch[k] / (d * d);
            }
        }
        return sum;
    }

    /** Rank of the weighted Gram matrix (how many directions the class can fit). */
    int rank() {
        int r = 0;
        for (double l : lambda) {
            if (l > 0) {
                r++;
            }
        }
        return r;
    }
}
