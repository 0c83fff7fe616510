package dev.handoff.learn;

import dev.handoff.util.Rng;

/**
 * A tabular SMDP Q-learner over one agent's own key space, in primitive arrays: the tabular IC-Q agent of ICQ.md §2
 * when fed interface keys, the centralised oracle when fed joint-state keys. It knows γ, its step sizes and its table;
 * nothing of any other agent.
 */
public final class TabularQLearner implements AgentLearner {
    private static final int POW_CACHE = 256;

    private final int views;
    private final int actions;
    private final double[] q;
    private final long[] visits;
    private final StepSizeSchedule stepSize;
    private final double gamma;
    /** γ^k for k &lt; {@link #POW_CACHE}, shared by every learner with the same γ (read-only). */
    private final double[] gammaPow;

    public TabularQLearner(int views, int actions, double gamma, StepSizeSchedule stepSize) {
        this.views = views;
        this.actions = actions;
        this.q = new double[views * actions];
        this.visits = new long[views * actions];
        this.gamma = gamma;
        this.stepSize = stepSize;
        this.gammaPow = powersOf(gamma);
    }

    /** The last γ's table of powers: the learners of one run share one table instead of 2 KB each. */
    private static volatile double[] lastPowers = new double[0];

    private static double[] powersOf(double gamma) {
        double[] cached = lastPowers;
        if (cached.length == POW_CACHE + 1 && Double.doubleToRawLongBits(cached[POW_CACHE]) == Double.doubleToRawLongBits(gamma)) {
            return cached;
        }
        double[] powers = new double[POW_CACHE + 1];
        for (int k = 0; k < POW_CACHE; k++) {
            powers[k] = Math.pow(gamma, k);
        }
        powers[POW_CACHE] = gamma; // the key, past the end of the powers
        lastPowers = powers;
        return powers;
    }

    @Override
    public int act(int z, double epsilon, Rng rng) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(actions);
        }
        return greedyAction(z);
    }

    @Override
    public int greedyAction(int z) {
        int base = z * actions;
        int best = 0;
        double bestQ = q[base];
        for (int a = 1; a < actions; a++) {
            if (q[base + a] > bestQ) {
                bestQ = q[base + a];
                best = a;
            }
        }
        return best;
    }

    @Override
    public double handoffScalar(int z) {
        int base = z * actions;
        double best = q[base];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, q[base + a]);
        }
        return best;
    }

    @Override
    public double learn(int z, int action, double reward, int tau, double scalar) {
        int i = z * actions + action;
        double discount = tau < POW_CACHE ? gammaPow[tau] : Math.pow(gamma, tau);
        double td = reward + discount * scalar - q[i];
        q[i] += stepSize.alpha(visits[i]++) * td;
        return td;
    }

    @Override
    public double q(int z, int action) {
        return q[z * actions + action];
    }

    @Override
    public int viewCount() {
        return views;
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public long visits(int z, int action) {
        return visits[z * actions + action];
    }

    /** A copy of the table, row-major by view (for evaluation, export and checkpoints). */
    public double[] table() {
        return q.clone();
    }

    public long[] visitTable() {
        return visits.clone();
    }

    /** Restores a table and its visit counts (checkpoint resume, policy import). */
    public void restore(double[] table, long[] visitCounts) {
        System.arraycopy(table, 0, q, 0, q.length);
        System.arraycopy(visitCounts, 0, visits, 0, visits.length);
    }
}
