package dev.handoff.train;

import dev.handoff.env.StepOutcome;

/**
 * Watches every handoff of a {@link SeedTrainer} from the acting agent's side (e.g. to write each agent's own trace):
 * the agent, its view, its action, what the option did, the scalar it received and the scalar it had sent back when
 * it received the work. Called on the trainer's thread, before the agent learns; off (null) it costs one branch.
 */
public interface HandoffRecorder {
    void record(int agent, int view, int action, StepOutcome outcome, double scalarReceived, double scalarSent);
}
