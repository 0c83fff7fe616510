package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;
import dev.handoff.util.Rng;

/** Small finite SMDPs built by hand or at random for the exact-solver tests. */
final class TestModels {
    private TestModels() {
    }

    /** Builds a FiniteSmdp from dense per-(s,a) rows; zero weights are dropped. */
    static FiniteSmdp fromDense(int[] agentOf, int[] viewOf, int[] viewCountOfAgent, int[] actionCountOfAgent,
                                double[][] reward, double[][][] kernel, double[][][] next, double[][] discount,
                                double[] initial) {
        int agents = viewCountOfAgent.length;
        int[] viewOffset = new int[agents];
        for (int i = 1; i < agents; i++) {
            viewOffset[i] = viewOffset[i - 1] + viewCountOfAgent[i - 1];
        }
        int n = agentOf.length;
        SparseRow[][] k = new SparseRow[n][];
        SparseRow[][] p = new SparseRow[n][];
        for (int s = 0; s < n; s++) {
            k[s] = new SparseRow[kernel[s].length];
            p[s] = new SparseRow[next[s].length];
            for (int a = 0; a < kernel[s].length; a++) {
                k[s][a] = sparse(kernel[s][a]);
                p[s][a] = sparse(next[s][a]);
            }
        }
        return new FiniteSmdp(agents, agentOf, viewOf, viewOffset, viewCountOfAgent, actionCountOfAgent, reward, k, p,
                discount, initial);
    }

    static SparseRow sparse(double[] dense) {
        int count = 0;
        for (double w : dense) {
            if (w != 0) {
                count++;
            }
        }
        int[] index = new int[count];
        double[] weight = new double[count];
        int e = 0;
        for (int j = 0; j < dense.length; j++) {
            if (dense[j] != 0) {
                index[e] = j;
                weight[e++] = dense[j];
            }
        }
        return new SparseRow(index, weight);
    }

    /** One agent, two states, one action, each state its own view: P = [[1−η, η], [η, 1−η]]; reward 1, discount 0.9. */
    static FiniteSmdp twoStateFlip(double eta) {
        double[][][] next = {{{1 - eta, eta}}, {{eta, 1 - eta}}};
        double[][][] kernel = {{{0.9 * (1 - eta), 0.9 * eta}}, {{0.9 * eta, 0.9 * (1 - eta)}}};
        return fromDense(new int[]{0, 0}, new int[]{0, 1}, new int[]{2}, new int[]{1},
                new double[][]{{1}, {1}}, kernel, next, new double[][]{{0.9}, {0.9}}, new double[]{0.5, 0.5});
    }

    /**
     * A random finite SMDP: 1–3 agents with 1–3 actions each, 2–{@code maxStates} states, a random interface σ (some
     * views may hold no state), random durations folded into E[γ^τ] ∈ [0.3, 0.95], STOP with probability ≤ 0.5 followed
     * by a random reset law. With {@code identityViews} every state is its own view.
     */
    static FiniteSmdp random(long seed, int maxStates, boolean identityViews) {
        Rng rng = new Rng(seed);
        int agents = 1 + rng.nextInt(3);
        int n = 2 + rng.nextInt(maxStates - 1);
        int[] agentOf = new int[n];
        int[] statesOfAgent = new int[agents];
        for (int s = 0; s < n; s++) {
            agentOf[s] = rng.nextInt(agents);
            statesOfAgent[agentOf[s]]++;
        }
        int[] actionCount = new int[agents];
        int[] viewCount = new int[agents];
        for (int i = 0; i < agents; i++) {
            actionCount[i] = 1 + rng.nextInt(3);
            viewCount[i] = identityViews ? Math.max(1, statesOfAgent[i]) : 1 + rng.nextInt(Math.max(1, statesOfAgent[i]));
        }
        int[] viewOffset = new int[agents];
        for (int i = 1; i < agents; i++) {
            viewOffset[i] = viewOffset[i - 1] + viewCount[i - 1];
        }
        int[] viewOf = new int[n];
        int[] nextLocal = new int[agents];
        for (int s = 0; s < n; s++) {
            int i = agentOf[s];
            viewOf[s] = viewOffset[i] + (identityViews ? nextLocal[i]++ : rng.nextInt(viewCount[i]));
        }
        double[] initial = randomDistribution(rng, n, 1.0);
        double[][] reward = new double[n][];
        double[][] discount = new double[n][];
        double[][][] kernel = new double[n][][];
        double[][][] next = new double[n][][];
        for (int s = 0; s < n; s++) {
            int actions = actionCount[agentOf[s]];
            reward[s] = new double[actions];
            discount[s] = new double[actions];
            kernel[s] = new double[actions][];
            next[s] = new double[actions][];
            for (int a = 0; a < actions; a++) {
                double g = 0.3 + 0.65 * rng.nextDouble();
                double stop = rng.bernoulli(0.5) ? 0.5 * rng.nextDouble() : 0;
                double[] row = randomDistribution(rng, n, 0.5);
                discount[s][a] = g;
                reward[s][a] = 2 * rng.nextDouble() - 1 + stop * g * 3 * rng.nextDouble();
                kernel[s][a] = new double[n];
                next[s][a] = new double[n];
                for (int j = 0; j < n; j++) {
                    kernel[s][a][j] = g * (1 - stop) * row[j];
                    next[s][a][j] = (1 - stop) * row[j] + stop * initial[j];
                }
            }
        }
        return fromDense(agentOf, viewOf, viewCount, actionCount, reward, kernel, next, discount, initial);
    }

    /**
     * The same model with, for about half of the states, the next-state laws replaced by those of an earlier state of
     * the same agent: under a behaviour that is the same on both views their rows of P coincide.
     */
    static FiniteSmdp withCopiedNextLaws(FiniteSmdp smdp, long seed) {
        Rng rng = new Rng(seed);
        SparseRow[][] next = smdp.next().clone();
        for (int s = 1; s < next.length; s++) {
            int source = rng.nextInt(s);
            if (rng.bernoulli(0.5) && smdp.agentOf()[source] == smdp.agentOf()[s]) {
                next[s] = next[source];
            }
        }
        return new FiniteSmdp(smdp.agentCount(), smdp.agentOf(), smdp.viewOf(), smdp.viewOffset(),
                smdp.viewCountOfAgent(), smdp.actionCountOfAgent(), smdp.reward(), smdp.kernel(), next,
                smdp.discount(), smdp.initial());
    }

    /** A random probability vector whose entries are each non-zero with probability {@code density} (at least one). */
    static double[] randomDistribution(Rng rng, int n, double density) {
        double[] p = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            if (rng.bernoulli(density)) {
                p[j] = rng.exponential(1);
                total += p[j];
            }
        }
        if (total == 0) {
            p[rng.nextInt(n)] = 1;
            total = 1;
        }
        for (int j = 0; j < n; j++) {
            p[j] /= total;
        }
        return p;
    }

    /**
     * A model shaped like the synthetic IC-SMDP: {@code agents} agents with {@code viewsPerAgent} views and
     * {@code actions} actions each, a hidden regime h ∈ {0..regimes−1} that every epoch stays with probability 1 − η,
     * else is redrawn uniformly (also through STOP and reset), and rewards that depend on h with strength λ. The
     * behaviour chain is (view chain) ⊗ (regime chain), so |λ₂| = 1 − η once the view chain mixes fast.
     * State index = view·regimes + h.
     */
    static FiniteSmdp hiddenRegime(long seed, int agents, int viewsPerAgent, int actions, int regimes, double eta,
                                   double lambda) {
        Rng rng = new Rng(seed);
        int views = agents * viewsPerAgent;
        int n = views * regimes;
        int[] viewCount = new int[agents];
        int[] actionCount = new int[agents];
        java.util.Arrays.fill(viewCount, viewsPerAgent);
        java.util.Arrays.fill(actionCount, actions);
        double[] resetViews = randomDistribution(rng, views, 0.8);
        double[] initial = new double[n];
        for (int v = 0; v < views; v++) {
            for (int h = 0; h < regimes; h++) {
                initial[v * regimes + h] = resetViews[v] / regimes;
            }
        }
        double[][] regimeStep = new double[regimes][regimes];
        for (int h = 0; h < regimes; h++) {
            for (int h2 = 0; h2 < regimes; h2++) {
                regimeStep[h][h2] = eta / regimes + (h == h2 ? 1 - eta : 0);
            }
        }
        int[] agentOf = new int[n];
        int[] viewOf = new int[n];
        double[][] reward = new double[n][actions];
        double[][] discount = new double[n][actions];
        SparseRow[][] kernel = new SparseRow[n][actions];
        SparseRow[][] next = new SparseRow[n][actions];
        double[][] viewRows = new double[views * actions][];
        double[] stops = new double[views * actions];
        double[] gammas = new double[views * actions];
        double[] baseReward = new double[views * actions];
        for (int va = 0; va < views * actions; va++) {
            viewRows[va] = randomDistribution(rng, views, 6.0 / views);
            stops[va] = rng.bernoulli(0.3) ? 0.5 * rng.nextDouble() : 0;
            gammas[va] = 0.7 + 0.25 * rng.nextDouble();
            baseReward[va] = 2 * rng.nextDouble() - 1;
        }
        for (int v = 0; v < views; v++) {
            for (int h = 0; h < regimes; h++) {
                int s = v * regimes + h;
                agentOf[s] = v / viewsPerAgent;
                viewOf[s] = v;
                double affinity = regimes == 1 ? 0 : (2.0 * h / (regimes - 1) - 1);
                for (int a = 0; a < actions; a++) {
                    int va = v * actions + a;
                    double[] kernelRow = new double[n];
                    double[] nextRow = new double[n];
                    for (int v2 = 0; v2 < views; v2++) {
                        double move = (1 - stops[va]) * viewRows[va][v2];
                        double anyNext = move + stops[va] * resetViews[v2];
                        for (int h2 = 0; h2 < regimes; h2++) {
                            kernelRow[v2 * regimes + h2] = gammas[va] * move * regimeStep[h][h2];
                            nextRow[v2 * regimes + h2] = anyNext * regimeStep[h][h2];
                        }
                    }
                    kernel[s][a] = sparse(kernelRow);
                    next[s][a] = sparse(nextRow);
                    discount[s][a] = gammas[va];
                    reward[s][a] = baseReward[va] + lambda * affinity * (a % 2 == 0 ? 1 : -1);
                }
            }
        }
        int[] viewOffset = new int[agents];
        for (int i = 1; i < agents; i++) {
            viewOffset[i] = viewOffset[i - 1] + viewsPerAgent;
        }
        return new FiniteSmdp(agents, agentOf, viewOf, viewOffset, viewCount, actionCount, reward, kernel, next,
                discount, initial);
    }
}
