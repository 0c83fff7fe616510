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
    /**
     * The table, one block of 2·actions per view z: Q(z, 0..A−1), then the visit counts n(z, 0..A−1) (held as doubles,
     * exact below 2^53), so that a view's values and counts share cache lines: a learner among 10,000 touches one or
     * two lines per handoff, not two distant ones.
     */
    private final double[] cells;
    private final StepSizeSchedule stepSize;
    /** The schedule when it is harmonic (the samples' default), called directly: no type check on the hot path. */
    private final StepSizeSchedule.Harmonic harmonic;
    private final double gamma;
    /** γ^k for k &lt; {@link #POW_CACHE}, shared by every learner with the same γ (read-only). */
    private final double[] gammaPow;

    public TabularQLearner(int views, int actions, double gamma, StepSizeSchedule stepSize) {
        this.views = views;
        this.actions = actions;
        this.cells = new double[Math.multiplyExact(2 * views, actions)];
        this.gamma = gamma;
        this.stepSize = stepSize;
        this.harmonic = stepSize instanceof StepSizeSchedule.Harmonic h ? h : null;
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
        double[] c = cells;
        int base = 2 * z * actions;
        int best = 0;
        double bestQ = c[base];
        for (int a = 1; a < actions; a++) {
            if (c[base + a] > bestQ) {
                bestQ = c[base + a];
                best = a;
            }
        }
        return best;
    }

    @Override
    public double handoffScalar(int z) {
        double[] c = cells;
        int base = 2 * z * actions;
        double best = c[base];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, c[base + a]);
        }
        return best;
    }

    @Override
    public double learn(int z, int action, double reward, int tau, double scalar) {
        double[] c = cells;
        int i = 2 * z * actions + action;
        double discount = tau < POW_CACHE ? gammaPow[tau] : Math.pow(gamma, tau);
        double td = reward + discount * scalar - c[i];
        long n = (long) c[i + actions];
        c[i + actions] = n + 1;
        c[i] += (harmonic != null ? harmonic.alpha(n) : stepSize.alpha(n)) * td;
        return td;
    }

    @Override
    public double q(int z, int action) {
        return cells[2 * z * actions + action];
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
        return (long) cells[2 * z * actions + actions + action];
    }

    /** A copy of the table, row-major by view (for evaluation, export and checkpoints). */
    public double[] table() {
        double[] q = new double[views * actions];
        for (int z = 0; z < views; z++) {
            System.arraycopy(cells, 2 * z * actions, q, z * actions, actions);
        }
        return q;
    }

    /** The visit counts n(z, a), row-major by view. */
    public long[] visitTable() {
        long[] n = new long[views * actions];
        for (int z = 0; z < views; z++) {
            for (int a = 0; a < actions; a++) {
                n[z * actions + a] = (long) cells[2 * z * actions + actions + a];
            }
        }
        return n;
    }

    /** Restores a table and its visit counts (checkpoint resume, policy import). */
    public void restore(double[] table, long[] visitCounts) {
        if (table.length != views * actions || visitCounts.length != views * actions) {
            throw new IllegalArgumentException("a table of " + views + " views × " + actions + " actions, not "
                    + table.length + " values and " + visitCounts.length + " counts");
        }
        for (int z = 0; z < views; z++) {
            System.arraycopy(table, z * actions, cells, 2 * z * actions, actions);
            for (int a = 0; a < actions; a++) {
                cells[2 * z * actions + actions + a] = visitCounts[z * actions + a];
            }
        }
    }
}
