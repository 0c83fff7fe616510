package dev.handoff.offline;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.trace.AgentTrace;
import dev.handoff.trace.TraceSet;
import dev.handoff.workflow.Workflow;

import java.util.List;

/**
 * IC-Q trained offline from the agents' own traces, in rounds: every agent publishes its scalars on the
 * {@link ScalarBoard}, then every agent refits from its own records and the scalars published for its handoffs. The
 * rounds are the fixed-point iteration of the interface-aggregated Bellman operator under the traces' empirical
 * occupancy (ICQ.md §2: the same fixed point Q̂ that online IC-Q converges to), a contraction with modulus at most γ.
 * This class only moves the board between agents; it never hands one agent's trace to another.
 */
public final class OfflineIcq {
    private final OfflineAgent[] agents;
    private final ScalarBoard board;
    private int rounds;
    private double lastChange = Double.POSITIVE_INFINITY;

    /** The learners of {@code w}'s agents on {@code traces}, each table sized by {@code env}'s views and actions. */
    public static OfflineIcq of(Workflow w, HandoffEnvironment env, TraceSet traces) {
        int n = w.agents().size();
        int[] views = new int[n];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            views[i] = env.viewCount(i);
            actions[i] = env.actionCount(i);
        }
        return new OfflineIcq(traces.byAgent(), views, actions, w.training().gamma(), traces.handoffCount());
    }

    /**
     * @param traces     each agent's own trace (null for an agent without one: its table stays 0 and it publishes nothing)
     * @param viewCounts each agent's number of interface views
     * @param actionCounts each agent's number of actions
     * @param handoffs   how many handoff numbers the traces use ({@link dev.handoff.trace.HandoffIds#size()})
     */
    public OfflineIcq(List<AgentTrace> traces, int[] viewCounts, int[] actionCounts, double gamma, int handoffs) {
        this.agents = new OfflineAgent[viewCounts.length];
        for (int i = 0; i < agents.length; i++) {
            AgentTrace t = traces.get(i);
            agents[i] = t == null ? null : new OfflineAgent(t, viewCounts[i], actionCounts[i], gamma);
        }
        this.board = new ScalarBoard(handoffs);
    }

    /**
     * One round: all publish, then all refit.
     *
     * @return the largest change of any agent's Q-value in this round
     */
    public double round() {
        for (OfflineAgent a : agents) {
            if (a != null) {
                a.publish(board);
            }
        }
        double change = 0;
        for (OfflineAgent a : agents) {
            if (a != null) {
                change = Math.max(change, a.refit(board));
            }
        }
        rounds++;
        lastChange = change;
        return change;
    }

    /** Runs rounds until the largest change is at most {@code tolerance} or {@code maxRounds} rounds have run. */
    public boolean runToFixedPoint(int maxRounds, double tolerance) {
        while (rounds < maxRounds) {
            if (round() <= tolerance) {
                return true;
            }
        }
        return lastChange <= tolerance;
    }

    public int rounds() {
        return rounds;
    }

    /** The largest change in the last round (infinite before the first). */
    public double lastChange() {
        return lastChange;
    }

    /** Agent i's table, row-major by view (zeros for an agent without a trace). */
    public double[] table(int agent, int size) {
        return agents[agent] == null ? new double[size] : agents[agent].table();
    }

    /** Agent i's records per (view, action). */
    public long[] visits(int agent, int size) {
        return agents[agent] == null ? new long[size] : agents[agent].visits();
    }

    /** Agent i's records left out of the last refit because no trace received their outgoing handoff. */
    public long unjoined(int agent) {
        return agents[agent] == null ? 0 : agents[agent].unjoined();
    }

    /** The scalar agent i publishes at view z (max over its actions of Q). */
    public double scalar(int agent, int z) {
        return agents[agent] == null ? 0 : agents[agent].scalar(z);
    }

    /** The mean scalar agent i received in the last round for handoffs made with {@code action} (NaN when none). */
    public double meanScalarReceived(int agent, int action) {
        return agents[agent] == null ? Double.NaN : agents[agent].meanScalarReceived(action);
    }

    /** The mean square of the scalars agent i received in the last round for handoffs made with {@code action} (NaN when none). */
    public double meanSquareScalarReceived(int agent, int action) {
        return agents[agent] == null ? Double.NaN : agents[agent].meanSquareScalarReceived(action);
    }

    /** Agent i's mean |TD error| in the last round (against its Q before the round; 0 without a trace). */
    public double meanAbsTd(int agent) {
        return agents[agent] == null ? 0 : agents[agent].meanAbsTd();
    }

    /** Agent i's number of records (0 without a trace). */
    public long records(int agent) {
        return agents[agent] == null ? 0 : agents[agent].trace().size();
    }

    /**
     * Replaces agent i's table by {@code table} (row-major by view; a saved state) and sets the round count, so learning
     * goes on from there.
     */
    public void restore(int agent, double[] table, int roundsDone) {
        if (agents[agent] != null) {
            for (int k = 0; k < table.length; k++) {
                agents[agent].restoreQ(k, table[k]);
            }
        }
        rounds = roundsDone;
        lastChange = Double.POSITIVE_INFINITY;
    }

    /**
     * Checks that no two traces claim to have received the same handoff (by publishing every agent's scalars once; the
     * first round publishes them again, so learning is unchanged).
     *
     * @throws ScalarBoard.DuplicateHandoffException when two do
     */
    public void checkEachHandoffReachesOneAgent() {
        for (OfflineAgent a : agents) {
            if (a != null) {
                a.publish(board);
            }
        }
    }

    /** How many of agent i's records with {@code action} took part in the last round. */
    public long scalarsReceived(int agent, int action) {
        return agents[agent] == null ? 0 : agents[agent].scalarsReceived(action);
    }

    public int agentCount() {
        return agents.length;
    }
}
