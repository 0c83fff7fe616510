package dev.handoff.env.llm;

import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmMathLearningTest {
    /** IC-Q must come within this much held-out reward of the centralised learner that sees every feature. */
    private static final double ORACLE_MARGIN = 0.02;
    private final LlmMathKind kind = new LlmMathKind();

    private static void print(String title, List<PolicyScore> scores) {
        System.out.println("== " + title);
        System.out.println(PolicyScore.markdownTable(scores));
    }

    @Test
    void icqOnTheMixtralGpt4SampleBeatsBothModelsAloneAndComesCloseToTheCentralisedLearner() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        LlmMathEnvironment env = kind.createLlmMath(w);
        List<PolicyScore> baselines = LlmMathBaselines.all(env);
        TabularIcqForTest icq = new TabularIcqForTest(env, false);
        icq.train(300_000, 0.1, 1);
        PolicyScore learned = LlmMathEvaluation.heldOut(env, "IC-Q (tabular)", icq.greedyPolicy());
        LlmMathEnvironment env2 = kind.createLlmMath(w);
        TabularIcqForTest oracle = new TabularIcqForTest(env2, true);
        oracle.train(300_000, 0.1, 1);
        PolicyScore central = LlmMathEvaluation.heldOut(env2, "centralised learner", oracle.greedyPolicy());
        print("Mixtral → GPT-4", List.of(baselines.get(0), baselines.get(1), baselines.get(2), baselines.get(3), learned, central));
        // λ = 50 per dollar (the sample's default); released labels; 300k handoffs, ε = 0.1, seed 1
        assertThat(learned.reward()).isGreaterThan(baselines.get(0).reward()).isGreaterThan(baselines.get(1).reward());
        assertThat(learned.reward()).isGreaterThan(central.reward() - ORACLE_MARGIN);
        assertThat(learned.reward()).isLessThanOrEqualTo(baselines.get(3).reward());
    }

    @Test
    void icqOnTheGpt3LadderBeatsEveryRungAlone() {
        Workflow w = LlmMathSamples.sampleGpt3Ladder();
        LlmMathEnvironment env = kind.createLlmMath(w);
        List<PolicyScore> baselines = LlmMathBaselines.all(env);
        TabularIcqForTest icq = new TabularIcqForTest(env, false);
        icq.train(300_000, 0.1, 1);
        PolicyScore learned = LlmMathEvaluation.heldOut(env, "IC-Q (tabular)", icq.greedyPolicy());
        LlmMathEnvironment env2 = kind.createLlmMath(w);
        TabularIcqForTest oracle = new TabularIcqForTest(env2, true);
        oracle.train(300_000, 0.1, 1);
        PolicyScore central = LlmMathEvaluation.heldOut(env2, "centralised learner", oracle.greedyPolicy());
        List<PolicyScore> all = new java.util.ArrayList<>(baselines);
        all.add(learned);
        all.add(central);
        print("GPT-3 ladder", all);
        // λ = 1 per dollar (the sample's default); released labels; 300k handoffs, ε = 0.1, seed 1
        for (int i = 0; i < 4; i++) {
            assertThat(learned.reward()).isGreaterThan(baselines.get(i).reward());
        }
        assertThat(learned.reward()).isGreaterThan(central.reward() - ORACLE_MARGIN);
        assertThat(learned.reward()).isLessThanOrEqualTo(baselines.get(5).reward());
    }
}
