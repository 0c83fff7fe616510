package dev.handoff.exact;

/**
 * An IC-SMDP with a finite joint state space, written out in full so that it can be solved exactly (ICQ.md §4–5).
 *
 * <p>States are joint states s = (x, p, c); each is held by one agent ({@link #agentOf}) and seen by it as one
 * global view index {@link #viewOf} (the agent's interface key, offset so that views of different agents never
 * collide: {@code viewOf(s) = viewOffset(agentOf(s)) + localKey}). Actions are the holding agent's actions.
 *
 * <ul>
 *   <li>{@code reward[s][a]}: expected option reward E[R | s,a], plus on STOP E[γ^τ]·E[terminal reward].</li>
 *   <li>{@code kernel[s][a]}: the discounted sub-probability kernel K(s'|s,a) = E[γ^τ 1{s'}] (no mass on STOP).</li>
 *   <li>{@code next[s][a]}: the undiscounted law of the next decision state, STOP followed by the reset law —
 *       the behaviour chain used for the occupancy μ and the mixing time.</li>
 *   <li>{@code discount[s][a]}: E[γ^τ].</li>
 *   <li>{@code initial}: the reset law ρ0 used for returns J(π) = Σ ρ0(s) V^π(s).</li>
 * </ul>
 */
public record FiniteSmdp(
        int agentCount,
        int[] agentOf,
        int[] viewOf,
        int[] viewOffset,
        int[] viewCountOfAgent,
        int[] actionCountOfAgent,
        double[][] reward,
        SparseRow[][] kernel,
        SparseRow[][] next,
        double[][] discount,
        double[] initial) {

    public int stateCount() {
        return agentOf.length;
    }

    public int viewCount() {
        int total = 0;
        for (int v : viewCountOfAgent) {
            total += v;
        }
        return total;
    }

    public int actionCount(int state) {
        return actionCountOfAgent[agentOf[state]];
    }

    public int maxActionCount() {
        int m = 0;
        for (int a : actionCountOfAgent) {
            m = Math.max(m, a);
        }
        return m;
    }

    /** The agent that owns a global view index. */
    public int agentOfView(int view) {
        for (int i = agentCount - 1; i >= 0; i--) {
            if (view >= viewOffset[i]) {
                return i;
            }
        }
        throw new IllegalArgumentException("view " + view);
    }

    /** A sparse row of a (sub-)stochastic matrix: target indices and their weights. */
    public record SparseRow(int[] index, double[] weight) {
        public double mass() {
            double m = 0;
            for (double w : weight) {
                m += w;
            }
            return m;
        }
    }
}
