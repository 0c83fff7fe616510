package dev.handoff.train;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.util.Rng;

/**
 * The tabular hot loop of {@link SeedTrainer}: {@code count} handoffs, each asking the receiver's learner for the one
 * scalar m and giving it to the sender's learner (ICQ.md §2), recording what crossed into the window statistics (and,
 * when a {@link HandoffRecorder} watches, handing it each handoff before the agent learns). {@code start} is the
 * run's handoff count before these, so the first handoff whose TD error diverges is named by its number. Allocates
 * nothing.
 *
 * <p>Each environment class runs its own copy of this class ({@link PerKindCopies}), so the JIT profiles the loop's
 * calls into the environment per kind: they stay monomorphic and inlined even in a JVM that has trained other kinds
 * (issue 16.2). The code is the same, so is every number it computes.
 */
final class TabularHotLoop {
    private TabularHotLoop() {
    }

    static void run(HandoffEnvironment e, TabularQLearner[] ls, JointStateAccess js, StepOutcome o, Rng actRng,
                    WindowStats stats, HandoffRecorder rec, boolean carryScalar, double eps, long start, long count) {
        for (long k = 0; k < count; k++) {
            int i = e.nextDecision();
            int z = js == null ? e.viewKey() : js.jointStateKey();
            int a = ls[i].act(z, eps, actRng);
            e.step(a, o);
            double m;
            if (o.receiver == HandoffEnvironment.STOP) {
                m = o.terminalReward;
            } else if (carryScalar) {
                int z2 = js == null ? e.receiverViewKey() : js.receiverJointStateKey();
                m = ls[o.receiver].handoffScalar(z2);
            } else {
                m = 0;
            }
            if (rec != null) {
                rec.record(i, z, a, o, m, ls[i].handoffScalar(z));
            }
            double td = ls[i].learn(z, a, o.reward, o.tau, m);
            if (WindowStats.isFault(td)) {
                stats.noteFault(i, z, start + k + 1, td); // where a divergence starts, named in its message
            }
            stats.recordDecision(i, td);
            if (carryScalar || o.receiver == HandoffEnvironment.STOP) {
                stats.recordScalar(i, a, m);
            }
            if (o.episodeEnded) {
                stats.recordEpisode(o.episodeReturn);
            }
        }
    }
}
