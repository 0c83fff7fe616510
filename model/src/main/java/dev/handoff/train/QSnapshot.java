package dev.handoff.train;

/**
 * A copy of one seed's Q tables after {@code handoffs} handoffs: {@code q[agent][key * actions + action]} and the
 * visit counts alongside, taken between chunks so it is consistent.
 */
public record QSnapshot(Algorithm algorithm, long seed, long handoffs, double[][] q, long[][] visits, int[] actions) {
    public double value(int agent, int key, int action) {
        return q[agent][key * actions[agent] + action];
    }

    public long visitCount(int agent, int key, int action) {
        return visits[agent][key * actions[agent] + action];
    }

    public int keyCount(int agent) {
        return q[agent].length / actions[agent];
    }
}
