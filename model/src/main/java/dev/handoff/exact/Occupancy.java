package dev.handoff.exact;

/**
 * The stationary occupancy μ of the behaviour chain (ICQ.md §5), on joint states and on views:
 * μ(z) = Σ_{s∈z} μ(s) and μ(s|z) = μ(s)/μ(z). For a view with μ(z) = 0 the conditional weights are uniform over its
 * states, so that the interface model stays defined there.
 *
 * @param state                μ(s), summing to 1
 * @param view                 μ(z) per global view index
 * @param stateGivenView       μ(s|σ(s)) per joint state
 * @param stationarityResidual ‖μP − μ‖₁
 */
public record Occupancy(double[] state, double[] view, double[] stateGivenView, double stationarityResidual) {
    /** Target of the power-iteration polish, used only when the direct solve is not accurate enough. */
    public static final double STATIONARITY_TOLERANCE = 1e-12;
    private static final long POWER_WORK_BUDGET = 4_000_000_000L;

    /** μ of the behaviour chain of {@code behaviour} on {@code smdp}. */
    public static Occupancy of(FiniteSmdp smdp, double[][] behaviour) {
        return of(smdp, BehaviourChain.of(smdp, behaviour));
    }

    /**
     * μ by the Grassmann–Taksar–Heyman direct solve (anchored at a state that carries mass after a burn-in from the
     * reset law, hence recurrent in practice), polished by lazy power iteration from there if its residual is not
     * below {@link #STATIONARITY_TOLERANCE}; for a chain with several closed classes that polish converges to the one
     * reached from the reset law.
     */
    public static Occupancy of(FiniteSmdp smdp, BehaviourChain chain) {
        int n = chain.stateCount();
        double[] mu = directSolve(smdp, chain);
        if (mu == null) {
            mu = smdp.initial().clone();
        }
        double residual = chain.stationarityResidual(mu);
        if (!(residual < STATIONARITY_TOLERANCE)) {
            long maxSteps = Math.max(10_000L, POWER_WORK_BUDGET / Math.max(1, chain.transitionCount() + n));
            double[] pushed = new double[n];
            for (long step = 0; step < maxSteps && !(residual < STATIONARITY_TOLERANCE); step++) {
                chain.step(mu, pushed);
                double total = 0;
                for (int s = 0; s < n; s++) {
                    mu[s] = 0.5 * (mu[s] + pushed[s]);
                    total += mu[s];
                }
                for (int s = 0; s < n; s++) {
                    mu[s] /= total;
                }
                if (step % 64 == 63) {
                    residual = chain.stationarityResidual(mu);
                }
            }
            residual = chain.stationarityResidual(mu);
        }
        return fromStateOccupancy(smdp, mu, residual);
    }

    /** Builds the view marginals and conditionals from a given state occupancy. */
    static Occupancy fromStateOccupancy(FiniteSmdp smdp, double[] mu, double residual) {
        int[] viewOf = smdp.viewOf();
        double[] view = new double[smdp.viewCount()];
        int[] statesInView = new int[view.length];
        for (int s = 0; s < mu.length; s++) {
            view[viewOf[s]] += mu[s];
            statesInView[viewOf[s]]++;
        }
        double[] given = new double[mu.length];
        for (int s = 0; s < mu.length; s++) {
            int z = viewOf[s];
            given[s] = view[z] > 0 ? mu[s] / view[z] : 1.0 / statesInView[z];
        }
        return new Occupancy(mu, view, given, residual);
    }

    private static double[] directSolve(FiniteSmdp smdp, BehaviourChain chain) {
        int n = chain.stateCount();
        int anchor = massiveStateAfterBurnIn(smdp, chain);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        order[0] = anchor;
        order[anchor] = 0;
        double[] permuted = DenseMatrix.stationaryGth(chain.dense(order), n);
        if (permuted == null) {
            return null;
        }
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[order[i]] = permuted[i];
        }
        return mu;
    }

    private static int massiveStateAfterBurnIn(FiniteSmdp smdp, BehaviourChain chain) {
        int n = chain.stateCount();
        double[] x = smdp.initial().clone();
        double[] pushed = new double[n];
        for (int step = 0; step < 256; step++) {
            chain.step(x, pushed);
            for (int s = 0; s < n; s++) {
                x[s] = 0.5 * (x[s] + pushed[s]);
            }
        }
        int best = 0;
        for (int s = 1; s < n; s++) {
            if (x[s] > x[best]) {
                best = s;
            }
        }
        return best;
    }

    /** The smallest positive view occupancy (the 1/μ_min factor of the mixing residual). */
    public double minPositiveViewMass() {
        double min = Double.POSITIVE_INFINITY;
        for (double m : view) {
            if (m > 0) {
                min = Math.min(min, m);
            }
        }
        return min;
    }
}
