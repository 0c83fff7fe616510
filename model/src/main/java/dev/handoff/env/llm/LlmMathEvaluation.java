package dev.handoff.env.llm;

import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;

import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;

/** Scores a decentralised policy {@code (agent, view key) → action} on the held-out questions of an llm-math environment. */
public final class LlmMathEvaluation {
    private LlmMathEvaluation() {
    }

    /**
     * Runs one episode per held-out question (each exactly once, in order) with the given policy, then puts the
     * environment back into training mode. The policy sees only the deciding agent's interface key.
     */
    public static PolicyScore heldOut(LlmMathEnvironment env, String name, IntBinaryOperator policy) {
        return heldOut(env, name, policy, e -> { });
    }

    /**
     * As {@link #heldOut(LlmMathEnvironment, String, IntBinaryOperator)}, showing the environment to
     * {@code afterQuestion} once each held-out question has ended (its {@link LlmMathEnvironment#lastSubmittedAgent()},
     * {@link LlmMathEnvironment#lastCorrect()}, {@link LlmMathEnvironment#lastCost()} then describe that question).
     */
    public static PolicyScore heldOut(LlmMathEnvironment env, String name, IntBinaryOperator policy,
                                      Consumer<LlmMathEnvironment> afterQuestion) {
        boolean was = env.heldOut();
        env.setHeldOut(true);
        env.reset(new Rng(0));
        int n = env.split().test().length;
        StepOutcome out = new StepOutcome();
        int right = 0;
        double cost = 0;
        double reward = 0;
        for (int q = 0; q < n; q++) {
            do {
                int agent = env.nextDecision();
                env.step(policy.applyAsInt(agent, env.viewKey()), out);
            } while (!out.episodeEnded);
            right += env.lastCorrect() ? 1 : 0;
            cost += env.lastCost();
            reward += out.episodeReturn;
            afterQuestion.accept(env);
        }
        env.setHeldOut(was);
        LlmMathSettings s = env.settings();
        return new PolicyScore(name, s.grading(), s.costWeight(), n, (double) right / n, cost / n, reward / n);
    }
}
