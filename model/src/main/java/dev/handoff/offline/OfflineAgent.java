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
    private long unjoined;

    OfflineAgent(AgentTrace own, int viewCount, int actionCount, double gamma) {
        this.trace = own;
        this.actions = actionCount;
        this.q = new double[viewCount * actionCount];
        this.visits = new long[q.length];
        this.sum = new double[q.length];
        this.count = new long[q.length];
        this.discount = new double[own.size()];
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
        long missing = 0;
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
            sum[i] += trace.reward(r) + discount[r] * m;
            count[i]++;
        }
        unjoined = missing;
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
