package dev.handoff.env;

/**
 * What one option did: reused across handoffs (mutable on purpose, so the hot loop allocates nothing).
 * {@code reward} is the option reward R = Σ_{u<τ} γ^u r; on STOP {@code terminalReward} is the scalar the
 * terminal node sends back.
 */
public final class StepOutcome {
    /** The agent that acted. */
    public int agent;
    /** The action it took. */
    public int action;
    /** Option reward R accumulated over the option's duration. */
    public double reward;
    /** Option duration τ ≥ 1 in primitive steps. */
    public int tau;
    /** Receiving agent, or {@link HandoffEnvironment#STOP}. */
    public int receiver;
    /** On STOP: the terminal reward (the scalar of the terminal node). */
    public double terminalReward;
    /** True when an artifact's episode ended with this step. */
    public boolean episodeEnded;
    /** When {@link #episodeEnded}: the discounted return of the whole episode (as the kind defines it). */
    public double episodeReturn;

    public boolean stopped() {
        return receiver == HandoffEnvironment.STOP;
    }
}
