package dev.handoff.env;

import dev.handoff.util.Rng;

/**
 * A simulated IC-SMDP seen as a stream of decision requests (ICQ.md §1): at each handoff epoch one agent holds
 * an artifact and must choose an action from its local view. Kinds with many artifacts in flight (routing)
 * interleave decisions of different artifacts; the trainer does not care.
 *
 * <p>The hot path ({@link #nextDecision()}, {@link #viewKey()}, {@link #step(int, StepOutcome)},
 * {@link #receiverViewKey()}) must not allocate.
 */
public interface HandoffEnvironment {
    /** Marks the terminal node in {@link #target(int, int)} and {@link StepOutcome#receiver}. */
    int STOP = -1;

    int agentCount();

    int actionCount(int agent);

    /** The agent an action hands off to, or {@link #STOP}. */
    int target(int agent, int action);

    /** Size of the agent's interface key space (its tabular views). */
    int viewCount(int agent);

    /** Length of the agent's float encoding of a view (for neural learners). */
    int encodingSize(int agent);

    /** Starts (or restarts) the simulation from its initial law, drawing all randomness from {@code rng}. */
    void reset(Rng rng);

    /** Advances to the next decision and returns the agent that must decide. */
    int nextDecision();

    /** The deciding agent's interface key {@code z} for the current decision. */
    int viewKey();

    /** The deciding agent's float encoding of its current view. */
    void encodeView(float[] out);

    /** Runs the option of {@code action} for the current decision and writes what happened into {@code out}. */
    void step(int action, StepOutcome out);

    /** After a step that handed off: the receiver's interface key of the artifact it just received. */
    int receiverViewKey();

    /** After a step that handed off: the receiver's float encoding of its view. */
    void encodeReceiverView(float[] out);

    /** A short human label of an action for policy tables and exports, e.g. {@code thorough → a3}. */
    default String actionLabel(int agent, int action, java.util.List<String> agentIds) {
        int j = target(agent, action);
        return "→ " + (j == STOP ? "STOP" : agentIds.get(j));
    }

    /** Optional: privileged joint-state access, given only to the centralised oracle (null when the kind has none). */
    default JointStateAccess jointStateAccess() {
        return null;
    }
}
