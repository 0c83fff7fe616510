package dev.handoff.workflow;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code training.neural}: optional fields, one set of defaults, every rule at its JSON path. */
class NeuralSpecTest {
    private static final WorkflowValidator GENERIC = new WorkflowValidator();

    private static Workflow withNeural(NeuralSpec n) {
        Workflow w = SampleWorkflows.minimal();
        return w.withTraining(w.training().withNeural(n));
    }

    private static List<String> problems(NeuralSpec n) {
        return GENERIC.validate(withNeural(n)).stream().map(Problem::toString).toList();
    }

    @Test
    void leftOutFieldsResolveToTheOneSetOfDefaults() {
        NeuralSpec r = NeuralSpec.NONE.with("width", 128).resolved();
        assertThat(r).isEqualTo(new NeuralSpec(128, 2, 3e-3, 32, 20_000, 256, 1, 100, null, 1.0, "stored", 1, 200_000));
        assertThat(NeuralSpec.NONE.resolved()).isEqualTo(NeuralSpec.DEFAULTS);
        assertThat(NeuralSpec.NONE.with("polyakTau", 0.05).resolved().targetPeriod()).isNull();
        assertThat(SampleWorkflows.minimal().training().neuralOrDefault()).isEqualTo(NeuralSpec.DEFAULTS);
    }

    @Test
    void aFlagOverridesOnlyItsOwnFieldAndAPeriodReplacesAPolyakTau() {
        NeuralSpec doc = NeuralSpec.NONE.with("width", 16).with("polyakTau", 0.01);
        NeuralSpec merged = doc.overriddenBy(NeuralSpec.NONE.with("depth", 3).with("targetPeriod", 50));
        assertThat(merged.width()).isEqualTo(16);
        assertThat(merged.depth()).isEqualTo(3);
        assertThat(merged.targetPeriod()).isEqualTo(50);
        assertThat(merged.polyakTau()).isNull();
        assertThat(merged.overriddenBy(NeuralSpec.NONE.with("polyakTau", 0.2)).targetPeriod()).isNull();
        assertThat(doc.overriddenBy(null)).isEqualTo(doc);
        assertThat(doc.with("polyakTau", null)).isEqualTo(NeuralSpec.NONE.with("width", 16));
        assertThat(doc.fields()).containsOnlyKeys("width", "polyakTau");
    }

    @Test
    void validSettingsHaveNoProblems() {
        assertThat(problems(NeuralSpec.NONE)).isEmpty();
        assertThat(problems(NeuralSpec.DEFAULTS)).isEmpty();
        assertThat(problems(NeuralSpec.NONE.with("polyakTau", 1.0).with("scalarMode", "requery"))).isEmpty();
    }

    @Test
    void everyRuleIsReportedAtItsPath() {
        NeuralSpec bad = new NeuralSpec(0, 0, -1.0, 64, 32, -1, 0, 0, null, 0.0, "fresh", 0, 0);
        assertThat(problems(bad)).containsExactly(
                "/training/neural/width: width must be at least 1, is 0",
                "/training/neural/depth: depth must be at least 1, is 0",
                "/training/neural/learningRate: learningRate must be a positive number, is -1",
                "/training/neural/replayCapacity: the replay must hold at least one batch (64 transitions), is 32",
                "/training/neural/warmup: warmup must be at least 0, is -1",
                "/training/neural/trainEvery: trainEvery must be at least 1, is 0",
                "/training/neural/targetPeriod: targetPeriod must be at least 1, is 0",
                "/training/neural/huberDelta: huberDelta must be a positive number, is 0",
                "/training/neural/scalarMode: unknown scalar mode \"fresh\" (known: stored, requery)",
                "/training/neural/mirrorRefresh: mirrorRefresh must be at least 1, is 0",
                "/training/neural/requeryMemory: requeryMemory must be at least 1, is 0");
    }

    @Test
    void aBatchLargerThanTheDefaultReplayIsCaughtThroughTheDefault() {
        assertThat(problems(NeuralSpec.NONE.with("batchSize", 30_000))).containsExactly(
                "/training/neural/replayCapacity: the replay must hold at least one batch (30000 transitions), is 20000");
    }

    @Test
    void aCopyPeriodAndAPolyakTauTogetherAreRefused() {
        assertThat(problems(NeuralSpec.NONE.with("targetPeriod", 10).with("polyakTau", 0.1))).containsExactly(
                "/training/neural/polyakTau: give targetPeriod (a hard copy every so many steps) or polyakTau (averaging), "
                        + "not both");
        assertThat(problems(NeuralSpec.NONE.with("polyakTau", 1.5)))
                .containsExactly("/training/neural/polyakTau: polyakTau must be in (0, 1], is 1.5");
        assertThat(problems(NeuralSpec.NONE.with("scalarMode", "requry")))
                .containsExactly("/training/neural/scalarMode: unknown scalar mode \"requry\"; did you mean \"requery\"? "
                        + "(known: stored, requery)");
    }

    @Test
    void theDocumentTypesEachFieldAndRefusesUnknownOnes() {
        String text = WorkflowJson.write(withNeural(NeuralSpec.NONE.with("width", 32)));
        assertThat(text).contains("\"neural\": {\n      \"width\": 32\n    }");
        assertThatThrownBy(() -> WorkflowJson.parse(text.replace("\"width\": 32", "\"width\": \"32\""), "w"))
                .isInstanceOfSatisfying(WorkflowLoadException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly("/training/neural/width: expected a whole number, found the string \"32\""));
        assertThatThrownBy(() -> WorkflowJson.parse(text.replace("\"width\": 32", "\"widht\": 32"), "w"))
                .isInstanceOfSatisfying(WorkflowLoadException.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith("/training/neural/widht: unknown property \"widht\"; did you mean \"width\"?"));
        assertThatThrownBy(() -> NeuralSpec.NONE.with("width", "wide")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NeuralSpec.NONE.with("breadth", 3)).hasMessageContaining("no neural setting \"breadth\"");
    }
}
