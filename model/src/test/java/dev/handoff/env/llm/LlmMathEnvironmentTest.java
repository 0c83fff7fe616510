package dev.handoff.env.llm;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntBinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LlmMathEnvironmentTest {
    // Agents of the Mixtral → GPT-4 sample: 0 mixtral [answer] → {comparator, STOP};
    // 1 comparator [keep, prefer-previous] → {gpt4, STOP}; 2 gpt4 [answer] → {comparator, STOP}.
    private static final int MIXTRAL = 0;
    private static final int COMPARATOR = 1;
    private static final int GPT4 = 2;

    private final LlmMathKind kind = new LlmMathKind();

    private LlmMathEnvironment mixtralGpt4() {
        return kind.createLlmMath(LlmMathSamples.sampleMixtralGpt4());
    }

    /** Mixtral answers, the comparator escalates, GPT-4 answers and hands back, the comparator submits (keep or previous). */
    private static IntBinaryOperator escalateAlways(LlmMathEnvironment env, boolean submitPrevious) {
        return (agent, z) -> switch (agent) {
            case MIXTRAL -> env.action(MIXTRAL, 0, 0);
            case GPT4 -> env.action(GPT4, 0, 0);
            default -> env.answers() != null && env.features()[env.schema().indexOf("answered_gpt4")] == 0
                    ? env.action(COMPARATOR, 0, 0)
                    : env.action(COMPARATOR, submitPrevious ? 1 : 0, 1);
        };
    }

    @Test
    void mixtralAloneThroughTheEnvironmentEqualsTheSingleModelBaseline() {
        LlmMathEnvironment env = mixtralGpt4();
        PolicyScore viaEnv = LlmMathEvaluation.heldOut(env, "mixtral submits", (agent, z) -> env.action(MIXTRAL, 0, 1));
        PolicyScore direct = LlmMathBaselines.singleModel(env.answers(), env.settings(),
                RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, env.split().test());
        assertThat(viaEnv.accuracy()).isEqualTo(direct.accuracy());
        assertThat(viaEnv.costPerQuestion()).isCloseTo(direct.costPerQuestion(), within(1e-12));
        assertThat(viaEnv.reward()).isCloseTo(direct.reward(), within(1e-9));
        assertThat(viaEnv.questions()).isEqualTo(396);
    }

    @Test
    void escalatingAlwaysSubmitsGpt4sAnswerAndPaysForBoth() {
        LlmMathEnvironment env = mixtralGpt4();
        PolicyScore viaEnv = LlmMathEvaluation.heldOut(env, "always escalate", escalateAlways(env, false));
        int[] test = env.split().test();
        PolicyScore gpt4 = LlmMathBaselines.singleModel(env.answers(), env.settings(), RecordedAnswers.GPT4_1106_PREVIEW, test);
        PolicyScore mixtral = LlmMathBaselines.singleModel(env.answers(), env.settings(), RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, test);
        assertThat(viaEnv.accuracy()).isEqualTo(gpt4.accuracy());
        assertThat(viaEnv.costPerQuestion()).isCloseTo(gpt4.costPerQuestion() + mixtral.costPerQuestion(), within(1e-12));
    }

    @Test
    void preferPreviousSubmitsTheEarlierAnswer() {
        LlmMathEnvironment env = mixtralGpt4();
        PolicyScore previous = LlmMathEvaluation.heldOut(env, "escalate, submit Mixtral's", escalateAlways(env, true));
        PolicyScore mixtral = LlmMathBaselines.singleModel(env.answers(), env.settings(),
                RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, env.split().test());
        assertThat(previous.accuracy()).isEqualTo(mixtral.accuracy());
    }

    @Test
    void optionRewardIsMinusLambdaTimesCostAndTheReturnAddsTheTerminalReward() {
        LlmMathEnvironment env = mixtralGpt4();
        env.reset(new Rng(3));
        StepOutcome out = new StepOutcome();
        double sum = 0;
        IntBinaryOperator policy = escalateAlways(env, false);
        int steps = 0;
        do {
            int agent = env.nextDecision();
            env.step(policy.applyAsInt(agent, env.viewKey()), out);
            assertThat(out.tau).isPositive();
            sum += out.reward;
            steps++;
        } while (!out.episodeEnded);
        assertThat(steps).isEqualTo(4);
        assertThat(sum).isCloseTo(-env.settings().costWeight() * env.lastCost(), within(1e-12));
        assertThat(out.episodeReturn).isCloseTo(out.terminalReward + sum, within(1e-12));
        assertThat(out.terminalReward).isEqualTo(env.lastCorrect() ? 1.0 : 0.0);
        int q = env.lastQuestion();
        int gpt4 = env.answers().modelIndex(RecordedAnswers.GPT4_1106_PREVIEW);
        assertThat(env.lastCorrect()).isEqualTo(env.answers().correct(gpt4, q, Grading.RELEASED_LABELS));
    }

    @Test
    void featuresDescribeTheAnswersButNeverTheirCorrectness() {
        // The same episodes under the two gradings: identical features at every decision, different rewards somewhere.
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow regraded = w.withEnvironment(w.environment().with("grading", "regraded"));
        LlmMathEnvironment a = kind.createLlmMath(w);
        LlmMathEnvironment b = kind.createLlmMath(regraded);
        a.setHeldOut(true);
        b.setHeldOut(true);
        a.reset(new Rng(1));
        b.reset(new Rng(1));
        StepOutcome oa = new StepOutcome();
        StepOutcome ob = new StepOutcome();
        IntBinaryOperator pa = escalateAlways(a, false);
        int rewardDifferences = 0;
        for (int q = 0; q < a.split().test().length; q++) {
            do {
                int agent = a.nextDecision();
                assertThat(b.nextDecision()).isEqualTo(agent);
                assertThat(b.features()).containsExactly(a.features());
                int action = pa.applyAsInt(agent, a.viewKey());
                a.step(action, oa);
                b.step(action, ob);
            } while (!oa.episodeEnded);
            rewardDifferences += oa.terminalReward != ob.terminalReward ? 1 : 0;
        }
        assertThat(rewardDifferences).isPositive();
    }

    @Test
    void lastTwoAgreeAndFinalAnswerFeaturesFollowTheRecordedTexts() {
        LlmMathEnvironment env = mixtralGpt4();
        env.setHeldOut(true);
        env.reset(new Rng(1));
        RecordedAnswers book = env.answers();
        int mix = book.modelIndex(RecordedAnswers.MIXTRAL_8X7B_INSTRUCT);
        int g4 = book.modelIndex(RecordedAnswers.GPT4_1106_PREVIEW);
        int agree = env.schema().indexOf(LlmMathFeatures.LAST_TWO_AGREE);
        int hasFinal = env.schema().indexOf(LlmMathFeatures.LATEST_HAS_FINAL);
        int prevFinal = env.schema().indexOf(LlmMathFeatures.PREVIOUS_HAS_FINAL);
        int chars = env.schema().indexOf(LlmMathFeatures.LATEST_CHARS);
        StepOutcome out = new StepOutcome();
        IntBinaryOperator policy = escalateAlways(env, false);
        int agreements = 0;
        for (int q = 0; q < 50; q++) {
            do {
                int agent = env.nextDecision();
                int k = env.currentQuestion();
                double[] f = env.features();
                if (agent == COMPARATOR && f[env.schema().indexOf("answered_gpt4")] == 1) {
                    boolean same = Gsm8kGrader.sameNumber(book.finalNumber(mix, k), book.finalNumber(g4, k));
                    assertThat(f[agree]).isEqualTo(same ? 1.0 : 0.0);
                    assertThat(f[hasFinal]).isEqualTo(book.hasFinalAnswer(g4, k) ? 1.0 : 0.0);
                    assertThat(f[prevFinal]).isEqualTo(book.hasFinalAnswer(mix, k) ? 1.0 : 0.0);
                    assertThat(f[chars]).isEqualTo(book.answerChars(g4, k));
                    agreements += same ? 1 : 0;
                }
                if (agent == MIXTRAL) {
                    assertThat(f[chars]).isZero();
                    assertThat(f[agree]).isZero();
                }
                env.step(policy.applyAsInt(agent, env.viewKey()), out);
            } while (!out.episodeEnded);
        }
        assertThat(agreements).isBetween(1, 49);
    }

    @Test
    void splitIsFixedBySeedDisjointAndHeldOutModeWalksEachTestQuestionOnce() {
        LlmMathEnvironment env = mixtralGpt4();
        QuestionSplit split = env.split();
        QuestionSplit again = QuestionSplit.of(1319, 0.3, 7);
        assertThat(split.test()).containsExactly(again.test());
        Set<Integer> test = new HashSet<>();
        for (int k : split.test()) {
            test.add(k);
        }
        for (int k : split.train()) {
            assertThat(test).doesNotContain(k);
        }
        assertThat(split.train().length + split.test().length).isEqualTo(1319);
        assertThat(QuestionSplit.of(1319, 0.3, 8).test()).isNotEqualTo(split.test());

        StepOutcome out = new StepOutcome();
        env.reset(new Rng(5));
        for (int e = 0; e < 300; e++) {
            assertThat(test).doesNotContain(env.currentQuestion());
            env.nextDecision();
            env.step(env.action(MIXTRAL, 0, 1), out);
            env.nextDecision();
        }
        env.setHeldOut(true);
        env.reset(new Rng(5));
        Set<Integer> seen = new HashSet<>();
        for (int e = 0; e < split.test().length; e++) {
            env.nextDecision();
            seen.add(env.currentQuestion());
            env.step(env.action(MIXTRAL, 0, 1), out);
        }
        assertThat(seen).isEqualTo(test);
    }

    @Test
    void episodeIsSubmittedAfterMaxHandoffs() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        LlmMathEnvironment env = kind.createLlmMath(w.withEnvironment(w.environment().with("maxHandoffs", 3)));
        env.reset(new Rng(2));
        StepOutcome out = new StepOutcome();
        // mixtral → comparator → gpt4 → (forced STOP although gpt4 hands to the comparator)
        env.nextDecision();
        env.step(env.action(MIXTRAL, 0, 0), out);
        env.nextDecision();
        env.step(env.action(COMPARATOR, 0, 0), out);
        assertThat(out.episodeEnded).isFalse();
        env.nextDecision();
        env.step(env.action(GPT4, 0, 0), out);
        assertThat(out.episodeEnded).isTrue();
        assertThat(out.receiver).isEqualTo(HandoffEnvironment.STOP);
    }

    @Test
    void jointKeySeesEveryFeatureAndWhoHoldsTheArtifact() {
        LlmMathEnvironment env = mixtralGpt4();
        JointStateAccess joint = env.jointStateAccess();
        env.reset(new Rng(4));
        StepOutcome out = new StepOutcome();
        IntBinaryOperator policy = escalateAlways(env, false);
        Set<Integer> keys = new HashSet<>();
        Set<Integer> comparatorViews = new HashSet<>();
        for (int e = 0; e < 200; e++) {
            do {
                int agent = env.nextDecision();
                int key = joint.jointStateKey();
                assertThat(key).isBetween(0, joint.jointStateCount() - 1);
                assertThat(key / (joint.jointStateCount() / env.agentCount())).isEqualTo(agent);
                keys.add(key);
                if (agent == COMPARATOR) {
                    comparatorViews.add(env.viewKey());
                }
                env.step(policy.applyAsInt(agent, env.viewKey()), out);
                if (!out.stopped()) {
                    assertThat(joint.receiverJointStateKey() / (joint.jointStateCount() / env.agentCount()))
                            .isEqualTo(out.receiver);
                }
            } while (!out.episodeEnded);
        }
        // the oracle distinguishes more situations than the comparator's interface does
        assertThat(keys.size()).isGreaterThan(comparatorViews.size());
    }

    @Test
    void viewKeysAndEncodingsStayInsideTheInterface() {
        LlmMathEnvironment env = mixtralGpt4();
        env.reset(new Rng(9));
        StepOutcome out = new StepOutcome();
        float[] buf = new float[64];
        IntBinaryOperator policy = escalateAlways(env, false);
        for (int e = 0; e < 100; e++) {
            do {
                int agent = env.nextDecision();
                int z = env.viewKey();
                assertThat(z).isBetween(0, env.viewCount(agent) - 1);
                env.encodeView(buf);
                float sum = 0;
                for (int i = 0; i < env.encodingSize(agent); i++) {
                    sum += buf[i];
                }
                assertThat(sum).isEqualTo(env.interfaceMap(agent).termCount());
                env.step(policy.applyAsInt(agent, z), out);
                if (!out.stopped()) {
                    assertThat(env.receiverViewKey()).isBetween(0, env.viewCount(out.receiver) - 1);
                }
            } while (!out.episodeEnded);
        }
        assertThat(env.viewCount(COMPARATOR)).isEqualTo(48);
        assertThat(env.actionCount(COMPARATOR)).isEqualTo(4);
        assertThat(env.target(COMPARATOR, env.action(COMPARATOR, 1, 1))).isEqualTo(HandoffEnvironment.STOP);
    }

    @Test
    void latencyDurationNeedsALatencyModelPerLlmAndMeasuresMilliseconds() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow noModel = w.withEnvironment(w.environment().with("duration", "latency"));
        assertThat(kind.validate(noModel)).extracting(p -> p.path()).contains("/environment/parameters/latency");
        Workflow timed = noModel.withEnvironment(noModel.environment().with("latency", java.util.Map.of(
                RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, java.util.Map.of("fixedMs", 300, "msPerToken", 10),
                RecordedAnswers.GPT4_1106_PREVIEW, java.util.Map.of("fixedMs", 500, "msPerToken", 20))));
        assertThat(kind.validate(timed)).isEmpty();
        LlmMathEnvironment env = kind.createLlmMath(timed);
        env.reset(new Rng(1));
        StepOutcome out = new StepOutcome();
        env.nextDecision();
        env.step(env.action(MIXTRAL, 0, 0), out);
        int chars = env.answers().answerChars(env.agentModel(MIXTRAL), env.currentQuestion());
        assertThat(out.tau).isEqualTo((int) Math.round(300 + 10.0 * Math.ceil(chars / 4.0)));
        env.nextDecision();
        env.step(env.action(COMPARATOR, 0, 0), out);
        assertThat(out.tau).isEqualTo(1);
    }
}
