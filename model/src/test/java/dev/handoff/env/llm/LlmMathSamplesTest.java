package dev.handoff.env.llm;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LlmMathSamplesTest {
    private final LlmMathKind kind = new LlmMathKind();

    @Test
    void bothSamplesAreValidLlmMathWorkflows() {
        assertThat(kind.validate(LlmMathSamples.sampleMixtralGpt4())).isEmpty();
        assertThat(kind.validate(LlmMathSamples.sampleGpt3Ladder())).isEmpty();
    }

    @Test
    void bothSamplesPassTheGenericWorkflowValidatorWithTheLlmMathKind() {
        dev.handoff.workflow.WorkflowValidator validator = new dev.handoff.workflow.WorkflowValidator(java.util.List.of(kind));
        assertThat(validator.validate(LlmMathSamples.sampleMixtralGpt4())).isEmpty();
        assertThat(validator.validate(LlmMathSamples.sampleGpt3Ladder())).isEmpty();
    }

    @Test
    void samplesSurviveAJsonRoundTripAndStillCreateAnEnvironment() throws Exception {
        for (Workflow w : new Workflow[] {LlmMathSamples.sampleMixtralGpt4(), LlmMathSamples.sampleGpt3Ladder()}) {
            String json = WorkflowJson.write(w);
            Workflow back = WorkflowJson.parse(json, "sample");
            assertThat(kind.validate(back)).isEmpty();
            LlmMathSettings s = LlmMathSettings.read(back.environment(), new ArrayList<>());
            assertThat(s.costs()).isEqualTo(CostModel.defaults());
            assertThat(s.grading()).isEqualTo(Grading.RELEASED_LABELS);
            assertThat(kind.create(back).agentCount()).isEqualTo(w.agents().size());
        }
    }

    @Test
    void validationNamesTheJsonPathOfEachProblem() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow bad = w.withEnvironment(w.environment().with("grading", "lenient").with("costWeight", "high"));
        assertThat(kind.validate(bad)).extracting(p -> p.path())
                .contains("/environment/parameters/grading", "/environment/parameters/costWeight");
    }

    @Test
    void anApiKeyWrittenIntoTheWorkflowIsRefused() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow bad = w.withEnvironment(w.environment().with("live", java.util.Map.of("gpt4",
                java.util.Map.of("baseUrl", "http://127.0.0.1:1/v1", "model", "x", "apiKey", "sk-123"))));
        assertThat(kind.validate(bad)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("/environment/parameters/live/gpt4");
            assertThat(p.message()).contains("apiKeyEnv");
        });
    }

    @Test
    void liveModeWithoutAReplayFileIsRefused() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow live = w.withEnvironment(w.environment().with("live", java.util.Map.of("gpt4",
                java.util.Map.of("baseUrl", "http://127.0.0.1:1/v1", "model", "gpt-4-1106-preview"))));
        assertThat(kind.validate(live)).extracting(p -> p.path()).containsExactly("/environment/parameters/replayFile");
    }

    @Test
    void scoreTableNamesGradingAndCostWeightAndRefusesMixedOnes() {
        PolicyScore a = new PolicyScore("a", Grading.RELEASED_LABELS, 50, 396, 0.5, 0.001, 0.45);
        PolicyScore b = new PolicyScore("b", Grading.RELEASED_LABELS, 50, 396, 0.75, 0.002, 0.65);
        String table = PolicyScore.markdownTable(java.util.List.of(a, b));
        assertThat(table).contains("grading: released-labels", "λ = 50.0", "| b | 0.7500 | 0.002000 | 0.6500 |");
        PolicyScore c = new PolicyScore("c", Grading.REGRADED, 50, 396, 0.75, 0.002, 0.65);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyScore.markdownTable(java.util.List.of(a, c)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
