package dev.handoff.env.llm;

import dev.handoff.env.JointStateAccess;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples train with the product's trainer ({@link SeedTrainer}, tabular IC-Q and the centralised oracle learner)
 * under their own training settings, seed 1, and are scored greedily on the held-out questions (released labels).
 */
class LlmMathLearningTest {
    private final LlmMathKind kind = new LlmMathKind();

    private PolicyScore trainAndScore(Workflow w, Algorithm algorithm, long seed) {
        SeedTrainer trainer = new SeedTrainer(w, kind, algorithm, seed);
        assertThat(trainer.runUntil(trainer.budget(), null)).isTrue();
        LlmMathEnvironment env = (LlmMathEnvironment) trainer.environment();
        JointStateAccess joint = trainer.usesJointState() ? env.jointStateAccess() : null;
        String name = algorithm == Algorithm.ORACLE ? "centralised oracle learner (all features)" : "IC-Q (tabular)";
        return LlmMathEvaluation.heldOut(env, name,
                (agent, z) -> trainer.learner(agent).greedyAction(joint == null ? z : joint.jointStateKey()));
    }

    private List<PolicyScore> table(String title, Workflow w, PolicyScore icq, PolicyScore oracle) {
        List<PolicyScore> all = new ArrayList<>(LlmMathBaselines.all(kind.createLlmMath(w)));
        all.add(icq);
        all.add(oracle);
        System.out.println("== " + title);
        System.out.println(PolicyScore.markdownTable(all));
        return all;
    }

    @Test
    void icqOnTheMixtralGpt4SampleBeatsBothModelsAloneAndComesWithin002OfTheOracleLearner() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        PolicyScore icq = trainAndScore(w, Algorithm.ICQ_TABULAR, 1);
        PolicyScore oracle = trainAndScore(w, Algorithm.ORACLE, 1);
        List<PolicyScore> all = table("Mixtral → GPT-4 (λ = 50 per dollar)", w, icq, oracle);
        // rows: mixtral alone, gpt-4 alone, best fixed cascade, perfect router
        assertThat(icq.reward()).isGreaterThan(all.get(0).reward()).isGreaterThan(all.get(1).reward());
        assertThat(icq.reward()).isGreaterThan(oracle.reward() - 0.02);
        assertThat(icq.reward()).isLessThanOrEqualTo(all.get(3).reward());
    }

    @Test
    void icqOnTheGpt3LadderBeatsEveryRungAloneAndComesWithin003OfTheOracleLearner() {
        Workflow w = LlmMathSamples.sampleGpt3Ladder();
        PolicyScore icq = trainAndScore(w, Algorithm.ICQ_TABULAR, 1);
        PolicyScore oracle = trainAndScore(w, Algorithm.ORACLE, 1);
        List<PolicyScore> all = table("GPT-3 ladder (λ = 1 per dollar)", w, icq, oracle);
        // rows: the four models alone (cheapest first), best fixed cascade, perfect router
        for (int i = 0; i < 4; i++) {
            assertThat(icq.reward()).isGreaterThan(all.get(i).reward());
        }
        assertThat(icq.reward()).isGreaterThan(oracle.reward() - 0.03);
        assertThat(icq.reward()).isLessThanOrEqualTo(all.get(5).reward());
    }
}
