package dev.handoff.views.training.extension.llm;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.llm.LlmMathBaselines;
import dev.handoff.env.llm.LlmMathEnvironment;
import dev.handoff.env.llm.LlmMathEvaluation;
import dev.handoff.env.llm.LlmMathKind;
import dev.handoff.env.llm.PolicyScore;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.views.training.extension.MeasuredPanel;
import dev.handoff.views.training.extension.SeedState;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static dev.handoff.views.training.DashboardFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The llm-math panel's figures are the kind's own: LlmMathEvaluation's held-out score, LlmMathBaselines' fixed policies. */
class LlmMathPanelViewModelTest {
    @Test
    void aTrainedSeedIsScoredOnTheHeldOutQuestionsAsTheCostWeightSweepScoresIt() throws Exception {
        Workflow w = sample("llm-math-mixtral-gpt4");
        LlmMathKind kind = (LlmMathKind) WorkflowLoading.kindOf(w);
        try (SeedRun seed = SeedRuns.create(w, kind, Algorithm.ICQ_TABULAR, 1, 20_000, null)) {
            assertThat(seed.runUntil(20_000, null)).isTrue();
            byte[] before = SeedState.of(seed);
            LlmMathPanelViewModel panel = LlmMathPanelViewModel.measure(w, kind, seed);
            assertThat(SeedState.of(seed)).isEqualTo(before);

            // the greedy score is LlmMathEvaluation.heldOut's on a fresh environment (CostWeightAxis.trainAndScore's way)
            LlmMathEnvironment env = kind.createLlmMath(w);
            PolicyScore expected = LlmMathEvaluation.heldOut(env, "icq-tabular seed 1 (greedy)",
                    (agent, view) -> seed.greedyAction(env, agent));
            assertThat(panel.greedy()).isEqualTo(expected);
            assertThat(panel.greedy().questions()).isEqualTo(env.split().test().length).isGreaterThan(100);
            assertThat(panel.baselines()).isEqualTo(LlmMathBaselines.all(kind.createLlmMath(w)));

            // every held-out question's submitted answer belongs to one agent; the right ones add up to the accuracy
            int submitted = panel.shares().stream().mapToInt(LlmMathPanelViewModel.AgentShare::submitted).sum();
            int correct = panel.shares().stream().mapToInt(LlmMathPanelViewModel.AgentShare::correct).sum();
            assertThat(submitted + panel.unanswered()).isEqualTo(panel.greedy().questions());
            assertThat((double) correct / panel.greedy().questions()).isEqualTo(panel.greedy().accuracy());
            assertThat(panel.shares()).extracting(LlmMathPanelViewModel.AgentShare::agent)
                    .containsExactly("mixtral", "comparator", "gpt4");
            // the comparator is a tool: it decides, it never writes an answer of its own
            assertThat(panel.shares().get(1).submitted()).isZero();

            MeasuredPanel.Table table = panel.table();
            assertThat(table.rows()).hasSize(1 + panel.baselines().size());
            assertThat(table.rows().get(0)).containsExactly("icq-tabular seed 1 (greedy)",
                    String.format(java.util.Locale.ROOT, "%.1f%%", 100 * expected.accuracy()),
                    String.format(java.util.Locale.ROOT, "%.5f", expected.costPerQuestion()),
                    String.format(java.util.Locale.ROOT, "%.4f", expected.reward()));
            assertThat(table.rows().get(table.rows().size() - 1).get(0)).startsWith("perfect router");
            MeasuredPanel.Bars bars = panel.bars();
            assertThat(bars.series()).containsExactly("submitted", "correct");
            assertThat(bars.values()[0][2]).isEqualTo(panel.shares().get(2).submitted());
            assertThat(panel.header()).contains(panel.greedy().questions() + " held-out questions")
                    .contains("λ = " + panel.greedy().costWeight());
        }
    }
}
