package dev.handoff.offline;

import dev.handoff.trace.AgentTrace;

/**
 * One agent learning IC-Q from its own trace alone (ICQ.md §2, in batch form): each round it publishes, per handoff
 * by which work reached it, the scalar max_a Q(z, a) at the view z it recorded then, and refits Q(z, a) to the mean of
 * R + γ^τ m over its own records of (z, a), where m is the scalar published for the handoff by which it passed the
 * work on (the terminal reward it recorded when the work stopped). It holds its own trace and table and nothing of
 * any other agent: what it learns from others comes only through the {@link ScalarBoard}, keyed by handoff number.
 * Pairs (z, a) with no record keep Q = 0, the online learner's starting value.
 */
final class OfflineAgent {
    private final AgentTrace trace;
    private final int actions;
    private final double[] q;
    private final long[] visits;
    private final double[] sum;
    private final long[] count;
    private final double[] discount;
    private final double[] scalarSum;
    private final double[] scalarSumSq;
    private final long[] scalarCount;
    private long unjoined;
    private double meanAbsTd;

    OfflineAgent(AgentTrace own, int viewCount, int actionCount, double gamma) {
        this.trace = own;
        this.actions = actionCount;
        this.q = new double[viewCount * actionCount];
        this.visits = new long[q.length];
        this.sum = new double[q.length];
        this.count = new long[q.length];
        this.discount = new double[own.size()];
        this.scalarSum = new double[actionCount];
        this.scalarSumSq = new double[actionCount];
        this.scalarCount = new long[actionCount];
        for (int r = 0; r < own.size(); r++) {
            discount[r] = Math.pow(gamma, own.tau(r));
            visits[own.view(r) * actions + own.action(r)]++;
        }
    }

    /** Publishes this agent's scalar for every handoff by which work reached it. */
    void publish(ScalarBoard board) {
        for (int r = 0; r < trace.size(); r++) {
            board.publish(trace.handoff(r), scalar(trace.view(r)), trace.agentIndex());
        }
    }

    /**
     * Refits Q from this agent's records and the scalars published for its outgoing handoffs.
     *
     * @return the largest change of any Q-value
     */
    double refit(ScalarBoard board) {
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(scalarSum, 0);
        java.util.Arrays.fill(scalarSumSq, 0);
        java.util.Arrays.fill(scalarCount, 0);
        long missing = 0;
        long joined = 0;
        double tdAbs = 0;
        for (int r = 0; r < trace.size(); r++) {
            int next = trace.next(r);
            double m;
            if (next < 0) {
                m = trace.scalarReceived(r);
            } else if (board.has(next)) {
                m = board.scalar(next);
            } else {
                missing++;
                continue;
            }
            int i = trace.view(r) * actions + trace.action(r);
            double target = trace.reward(r) + discount[r] * m;
            tdAbs += Math.abs(target - q[i]); // q[i] is still the last round's value
            sum[i] += target;
            count[i]++;
            joined++;
            scalarSum[trace.action(r)] += m;
            scalarSumSq[trace.action(r)] += m * m;
            scalarCount[trace.action(r)]++;
        }
        unjoined = missing;
        meanAbsTd = joined == 0 ? 0 : tdAbs / joined;
        double change = 0;
        for (int i = 0; i < q.length; i++) {
            if (count[i] > 0) {
                double updated = sum[i] / count[i];
                change = Math.max(change, Math.abs(updated - q[i]));
                q[i] = updated;
            }
        }
        return change;
    }

    /** max_a Q(z, a): the one number this agent sends back for work that reached it in view z. */
    double scalar(int z) {
        int base = z * actions;
        double best = q[base];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, q[base + a]);
        }
        return best;
    }

    /** The mean scalar received in the last refit for handoffs made with {@code action} (NaN when none). */
    double meanScalarReceived(int action) {
        return scalarCount[action] == 0 ? Double.NaN : scalarSum[action] / scalarCount[action];
    }

    /** The mean square of the scalars received in the last refit for handoffs made with {@code action} (NaN when none). */
    double meanSquareScalarReceived(int action) {
        return scalarCount[action] == 0 ? Double.NaN : scalarSumSq[action] / scalarCount[action];
    }

    /** The mean |R + γ^τ m − Q(z, a)| over the records of the last refit, against the Q before it (the batch TD error). */
    double meanAbsTd() {
        return meanAbsTd;
    }

    /** Sets one Q-value (row-major by view), restoring a saved table. */
    void restoreQ(int index, double value) {
        q[index] = value;
    }

    /** How many records with {@code action} took part in the last refit. */
    long scalarsReceived(int action) {
        return scalarCount[action];
    }

    /** Records whose outgoing handoff no agent's trace received (left out of the last refit). */
    long unjoined() {
        return unjoined;
    }

    /** A copy of the table, row-major by view. */
    double[] table() {
        return q.clone();
    }

    /** Records per (view, action), row-major by view. */
    long[] visits() {
        return visits.clone();
    }

    AgentTrace trace() {
        return trace;
    }
}
