package dev.handoff.trace;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One agent's own trace, read and checked: its complete handoffs (a decision joined with its outcome through the
 * handoff id, inside this one file) as primitive arrays. Record {@code r} says: the work reached this agent by handoff
 * {@link #handoff(int)}, the agent saw view {@link #view(int)}, took {@link #action(int)}, earned {@link #reward(int)}
 * over {@link #tau(int)} steps, and passed the work on by handoff {@link #next(int)} (−1: it stopped) for which it
 * received {@link #scalarReceived(int)}. Handoffs are numbered by a shared {@link HandoffIds}; nothing here is another
 * agent's.
 */
public final class AgentTrace {
    private final Path file;
    private final String agentId;
    private final int agentIndex;
    private final int size;
    private final int[] handoff;
    private final int[] view;
    private final int[] action;
    private final double[] reward;
    private final int[] tau;
    private final int[] next;
    private final double[] scalarReceived;
    private final long decisions;
    private final long outcomes;
    private final long pendingDecisions;
    private final long orphanOutcomes;

    AgentTrace(Path file, String agentId, int agentIndex, int size, int[] handoff, int[] view, int[] action, double[] reward,
               int[] tau, int[] next, double[] scalarReceived, long decisions, long outcomes, long orphanOutcomes) {
        this.file = file;
        this.agentId = agentId;
        this.agentIndex = agentIndex;
        this.size = size;
        this.handoff = Arrays.copyOf(handoff, size);
        this.view = Arrays.copyOf(view, size);
        this.action = Arrays.copyOf(action, size);
        this.reward = Arrays.copyOf(reward, size);
        this.tau = Arrays.copyOf(tau, size);
        this.next = Arrays.copyOf(next, size);
        this.scalarReceived = Arrays.copyOf(scalarReceived, size);
        this.decisions = decisions;
        this.outcomes = outcomes;
        this.pendingDecisions = decisions - size;
        this.orphanOutcomes = orphanOutcomes;
    }

    public Path file() {
        return file;
    }

    public String agentId() {
        return agentId;
    }

    /** The agent's position in the workflow. */
    public int agentIndex() {
        return agentIndex;
    }

    /** Complete handoffs (decision and outcome both present). */
    public int size() {
        return size;
    }

    /** The number of the handoff by which the work reached the agent. */
    public int handoff(int r) {
        return handoff[r];
    }

    /** The agent's interface view key, computed from the features it recorded. */
    public int view(int r) {
        return view[r];
    }

    public int action(int r) {
        return action[r];
    }

    public double reward(int r) {
        return reward[r];
    }

    public int tau(int r) {
        return tau[r];
    }

    /** The number of the handoff by which the agent passed the work on, or −1 when the work stopped. */
    public int next(int r) {
        return next[r];
    }

    /** The scalar the agent received for its handoff: the next holder's, or the terminal reward when it stopped. */
    public double scalarReceived(int r) {
        return scalarReceived[r];
    }

    /** Decision lines in the file. */
    public long decisions() {
        return decisions;
    }

    /** Outcome lines in the file. */
    public long outcomes() {
        return outcomes;
    }

    /** Decisions whose outcome is not (yet) in the file. */
    public long pendingDecisions() {
        return pendingDecisions;
    }

    /** Outcomes whose decision is not in the file (e.g. the log was rotated between them). */
    public long orphanOutcomes() {
        return orphanOutcomes;
    }
}
