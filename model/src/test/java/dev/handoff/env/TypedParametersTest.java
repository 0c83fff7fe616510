package dev.handoff.env;

import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.env.llm.LlmMathSamples;
import dev.handoff.env.routing.RoutingParameters;
import dev.handoff.env.synthetic.SyntheticParameters;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each environment kind reads its parameters once, typed (issue 18.1): a value of the wrong type, out of range or unknown
 * is a problem at its JSON path naming the expected type, never silently replaced by the default.
 */
class TypedParametersTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.05);

    private static Workflow with(Workflow w, String key, Object value) {
        return w.withEnvironment(w.environment().with(key, value));
    }

    private static List<Problem> problems(Workflow w) {
        return WorkflowLoading.problemsOf(w);
    }

    private static Workflow routing() {
        Map<String, Object> p = new LinkedHashMap<>(RoutingParameters.DEFAULTS.toParameters());
        return GAP.withEnvironment(new EnvironmentSpec("routing", p));
    }

    // ---------------------------------------------------------------- synthetic (the inputs of issue 18.1)

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "0.5"})
    void aLambdaGivenAsAStringIsRefusedNotReadAsZero(String text) {
        assertThat(problems(with(GAP, "lambda", text))).containsExactly(new Problem("/environment/parameters/lambda",
                "expected a number in [0, 1.998], found the string \"" + text + "\""));
        assertThatThrownBy(() -> new dev.handoff.env.synthetic.SyntheticKind().create(with(GAP, "lambda", text)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/environment/parameters/lambda");
    }

    @Test
    void anEtaGivenAsTheStringNaNIsRefused() {
        assertThat(problems(with(GAP, "eta", "NaN"))).containsExactly(new Problem("/environment/parameters/eta",
                "expected a number in [0, 1], found the string \"NaN\""));
    }

    @Test
    void nonFiniteNumbersAreRefusedToo() {
        assertThat(problems(with(GAP, "lambda", Double.NaN))).extracting(Problem::toString)
                .containsExactly("/environment/parameters/lambda: expected a number in [0, 1.998], found NaN");
        assertThat(problems(with(GAP, "eta", Double.POSITIVE_INFINITY))).extracting(Problem::toString)
                .containsExactly("/environment/parameters/eta: expected a number in [0, 1], found Infinity");
    }

    @Test
    void lambdaIsBoundedByTheKnobsThatItScales() {
        // with kD = 0.25 the duration factor 1 − λ·kD·h/(H−1) stays positive up to λ < 4; kS = 0.3 caps it at 2/0.3
        Workflow w = with(with(GAP, "kD", 0.25), "lambda", 5.0);
        assertThat(problems(w)).extracting(Problem::toString)
                .containsExactly("/environment/parameters/lambda: expected a number in [0, 3.996], found 5.0");
    }

    @Test
    void everySyntheticKnobIsTypedAndRanged() {
        Workflow w = with(with(with(with(GAP, "progressLevels", 6.5), "successOnStageQuick", 1.5), "kT", -1),
                "rGoal", "ten");
        assertThat(problems(w)).extracting(Problem::toString).contains(
                "/environment/parameters/progressLevels: expected a whole number ≥ 2, found 6.5",
                "/environment/parameters/successOnStageQuick: expected a number in [0, 1], found 1.5",
                "/environment/parameters/kT: expected a number ≥ 0, found -1",
                "/environment/parameters/rGoal: expected a number, found the string \"ten\"");
    }

    @Test
    void anUnknownSyntheticParameterIsRefusedWithADidYouMean() {
        assertThat(problems(with(GAP, "lamda", 0.5))).extracting(Problem::toString).singleElement().asString()
                .startsWith("/environment/parameters/lamda: unknown synthetic parameter \"lamda\"; did you mean \"lambda\"? "
                        + "(known: busyProbability, busyQ, difficultyLevels, eta, kD, kS, kT, lambda,");
    }

    @Test
    void missingParametersTakeTheDefaultsOfIcqSection5() {
        List<Problem> out = new ArrayList<>();
        SyntheticParameters p = SyntheticParameters.read(new EnvironmentSpec("synthetic", Map.of()), out);
        SyntheticParameters d = SyntheticParameters.DEFAULTS;
        assertThat(out).isEmpty();
        assertThat(List.of(p.progressLevels(), p.difficultyLevels())).containsExactly(6, 3);
        assertThat(new double[] {p.lambda(), p.eta(), p.busyProbability(), p.stepCost(), p.kS(), p.kD(), p.kT(), p.busyQ(),
                p.rGoal()}).containsExactly(0, 0.05, 0.3, 0.1, 0.3, 0.5, 0.3, 0.5, 10);
        assertThat(p.qBase()).containsExactly(d.qBase());
        assertThat(p.successOnStage()).containsExactly(d.successOnStage());
        assertThat(p.successOffStage()).containsExactly(d.successOffStage());
    }

    // ---------------------------------------------------------------- routing

    @Test
    void routingParametersAreTyped() {
        Workflow w = with(with(with(with(routing(), "load", "2"), "maxPacketsInFlight", 2.5), "queueLimit", 0),
                "dropPenalty", -5);
        List<Problem> ps = new ArrayList<>();
        RoutingParameters read = RoutingParameters.read(w.environment(), ps);
        assertThat(ps).extracting(Problem::toString).containsExactly(
                "/environment/parameters/load: expected a number > 0, found the string \"2\"",
                "/environment/parameters/maxPacketsInFlight: expected a whole number ≥ 1, found 2.5",
                "/environment/parameters/queueLimit: expected a whole number ≥ 1, found 0",
                "/environment/parameters/dropPenalty: expected a number ≥ 0, found -5");
        assertThat(read).isEqualTo(RoutingParameters.DEFAULTS);
        assertThatThrownBy(() -> RoutingParameters.from(w.environment())).hasMessageContaining("/environment/parameters/load");
    }

    @Test
    void anUnknownRoutingParameterIsRefused() {
        List<Problem> ps = new ArrayList<>();
        RoutingParameters.read(with(routing(), "laod", 2.0).environment(), ps);
        assertThat(ps).extracting(Problem::toString).containsExactly("/environment/parameters/laod: unknown routing "
                + "parameter \"laod\"; did you mean \"load\"? (known: dropPenalty, load, maxPacketsInFlight, queueLimit)");
    }

    // ---------------------------------------------------------------- llm-math

    @Test
    void llmMathParametersAreTypedAtEveryLevel() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("charsPerToken", 0);
        costs.put("models", Map.of("gpt-4-1106-preview", Map.of("samples", 0.5, "inputPerMTk", 10)));
        Workflow bad = with(with(with(with(with(w, "costWeight", "high"), "costs", costs), "maxHandoffs", 2.5),
                "grading", "lenient"), "costweight", 3);
        assertThat(problems(bad)).extracting(Problem::toString).contains(
                "/environment/parameters/costWeight: expected a number ≥ 0, found the string \"high\"",
                "/environment/parameters/costs/charsPerToken: expected a number > 0, found 0",
                "/environment/parameters/costs/models/gpt-4-1106-preview/samples: expected a number ≥ 1, found 0.5",
                "/environment/parameters/costs/models/gpt-4-1106-preview/inputPerMTk: unknown model cost field "
                        + "\"inputPerMTk\"; did you mean \"inputPerMTok\"? (known: inputPerMTok, outputPerMTok, promptTokens, "
                        + "samples)",
                "/environment/parameters/maxHandoffs: expected a whole number ≥ 1, found 2.5",
                "/environment/parameters/grading: expected one of \"released-labels\", \"regraded\", found the string "
                        + "\"lenient\"");
        assertThat(problems(bad)).anySatisfy(p -> assertThat(p.toString())
                .startsWith("/environment/parameters/costweight: unknown llm-math parameter \"costweight\"; did you mean "
                        + "\"costWeight\"?"));
    }

    @Test
    void aLiveEndpointIsTyped() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        Workflow bad = with(with(w, "replayFile", "r.jsonl"), "live", Map.of("gpt4",
                Map.of("baseUrl", "http://127.0.0.1:1/v1", "model", "gpt-4-1106-preview", "timeoutSeconds", "60")));
        assertThat(problems(bad)).extracting(Problem::toString).containsExactly(
                "/environment/parameters/live/gpt4/timeoutSeconds: expected a number > 0, found the string \"60\"");
    }

    // ---------------------------------------------------------------- cpu-programming

    @Test
    void cpuProgrammingParametersAreTypedEachAtItsPath() {
        Workflow w = CpuProgrammingKind.sampleWorkflow();
        Workflow bad = with(with(with(with(w, "defaultLength", 4.5), "tasks", "hd01"), "defaultDifficulty", "d9"),
                "stepcost", 0.1);
        assertThat(new CpuProgrammingKind().validate(bad)).extracting(Problem::toString).contains(
                "/environment/parameters/defaultLength: expected a whole number in [1, 8], found 4.5",
                "/environment/parameters/tasks: expected a list of strings, found the string \"hd01\"",
                "/environment/parameters/defaultDifficulty: expected one of \"d0\", \"d1\", \"d5\", found the string \"d9\"; "
                        + "did you mean \"d0\"?")
                .anySatisfy(p -> assertThat(p).startsWith("/environment/parameters/stepcost: unknown cpu-programming "
                        + "parameter \"stepcost\"; did you mean \"stepCost\"?"));
        assertThatThrownBy(() -> CpuProgrammingKind.settings(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/environment/parameters/defaultLength");
    }

    @Test
    void aCpuLiveBlockIsTyped() {
        Workflow w = CpuProgrammingKind.sampleWorkflow();
        Workflow bad = with(w, "live", Map.of("replayFile", "r.jsonl", "inputPerMTok", "1", "replyFile", "x"));
        assertThat(new CpuProgrammingKind().validate(bad)).extracting(Problem::toString).contains(
                "/environment/parameters/live/inputPerMTok: expected a number ≥ 0, found the string \"1\"")
                .anySatisfy(p -> assertThat(p).startsWith("/environment/parameters/live/replyFile: unknown live field "
                        + "\"replyFile\"; did you mean \"replayFile\"?"));
    }
}
