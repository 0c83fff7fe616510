package dev.handoff.env.llm;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two sample llm-math workflows, built in code so that the files in {@code sample-workflows/} can be written from them. */
public final class LlmMathSamples {
    /** Cost weight λ (per dollar) of the Mixtral → GPT-4 sample. */
    public static final double MIXTRAL_GPT4_COST_WEIGHT = 50;
    /** Cost weight λ (per dollar) of the GPT-3 ladder sample. */
    public static final double GPT3_LADDER_COST_WEIGHT = 1;

    private static final OptionSpec ANSWER = new OptionSpec(LlmMathKind.OPTION_ANSWER, "Answer", "the model answers the question");
    private static final OptionSpec KEEP = new OptionSpec(LlmMathKind.OPTION_KEEP, "Keep",
            "pass the artifact on unchanged (STOP submits the latest answer)");
    private static final OptionSpec PREFER_PREVIOUS = new OptionSpec(LlmMathKind.OPTION_PREFER_PREVIOUS, "Prefer previous",
            "make the answer before the latest the one STOP submits");
    private static final int MAX_HANDOFFS = 8;

    private LlmMathSamples() {
    }

    /**
     * Mixtral-8x7B answers first; an answer comparator (a cheap non-LLM agent) looks at the answers so far and either
     * submits (the latest, or the previous one) or escalates to GPT-4-1106-preview, which answers and hands back.
     */
    public static Workflow sampleMixtralGpt4() {
        List<String> llms = List.of("mixtral", "gpt4");
        Map<String, LlmMathSettings.AgentBinding> bind = new LinkedHashMap<>();
        bind.put("mixtral", LlmMathSettings.AgentBinding.llm(RecordedAnswers.MIXTRAL_8X7B_INSTRUCT));
        bind.put("comparator", LlmMathSettings.AgentBinding.tool(LlmMathSettings.ANSWER_COMPARATOR));
        bind.put("gpt4", LlmMathSettings.AgentBinding.llm(RecordedAnswers.GPT4_1106_PREVIEW));
        LlmMathSettings settings = settings(bind, "mixtral", MIXTRAL_GPT4_COST_WEIGHT);
        ArtifactSchema schema = LlmMathFeatures.schema(llms, spentMax(settings, List.of(
                RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, RecordedAnswers.GPT4_1106_PREVIEW)), MAX_HANDOFFS);

        AgentSpec mixtral = new AgentSpec("mixtral", "Mixtral-8x7B", "LLM worker (recorded answers)", List.of(ANSWER), null,
                new InterfaceSpec(List.of(ObservationTerm.binned(LlmMathFeatures.QUESTION_CHARS, 3)), false));
        AgentSpec comparator = new AgentSpec("comparator", "Answer comparator", "cheap non-LLM agent",
                List.of(KEEP, PREFER_PREVIOUS), null,
                new InterfaceSpec(List.of(
                        ObservationTerm.select(LlmMathFeatures.ANSWERED_PREFIX + "gpt4"),
                        ObservationTerm.select(LlmMathFeatures.LATEST_HAS_FINAL),
                        ObservationTerm.select(LlmMathFeatures.PREVIOUS_HAS_FINAL),
                        ObservationTerm.select(LlmMathFeatures.LAST_TWO_AGREE),
                        ObservationTerm.binned(LlmMathFeatures.LATEST_CHARS, 3)), false));
        AgentSpec gpt4 = new AgentSpec("gpt4", "GPT-4-1106-preview", "LLM worker (recorded answers)", List.of(ANSWER), null,
                new InterfaceSpec(List.of(
                        ObservationTerm.select(LlmMathFeatures.ANSWERED_PREFIX + "gpt4"),
                        ObservationTerm.select(LlmMathFeatures.LATEST_HAS_FINAL),
                        ObservationTerm.binned(LlmMathFeatures.LATEST_CHARS, 3)), false));
        List<HandoffSpec> handoffs = List.of(
                new HandoffSpec("mixtral", "comparator", "check"),
                new HandoffSpec("mixtral", HandoffSpec.STOP, "submit"),
                new HandoffSpec("comparator", "gpt4", "escalate"),
                new HandoffSpec("comparator", HandoffSpec.STOP, "submit"),
                new HandoffSpec("gpt4", "comparator", "compare"),
                new HandoffSpec("gpt4", HandoffSpec.STOP, "submit"));
        Layout layout = Layout.EMPTY.with("mixtral", new Layout.Point(80, 160))
                .with("comparator", new Layout.Point(320, 160))
                .with("gpt4", new Layout.Point(320, 20))
                .with(HandoffSpec.STOP, new Layout.Point(560, 160));
        return new Workflow(Workflow.FORMAT_VERSION, null, "LLM math: Mixtral → GPT-4 with an answer comparator",
                "GSM8K questions answered by Mixtral-8x7B, escalated to GPT-4-1106-preview when the comparator decides so; "
                        + "reward = correct − λ·dollars. Replays recorded answers (released labels).",
                schema, List.of(mixtral, comparator, gpt4), handoffs,
                new EnvironmentSpec(LlmMathKind.ID, settings.toParameters()), training(), layout);
    }

    /**
     * The four GPT-3 variants as an escalation ladder, cheapest first: 6B single sample, 6B verifier-ranked, 175B single
     * sample, 175B verifier-ranked. Each rung sees whether the last two answers agree and decides to answer and pass
     * on, or to submit the latest or the previous answer.
     */
    public static Workflow sampleGpt3Ladder() {
        String[] ids = {"gpt3_6b", "gpt3_6b_verifier", "gpt3_175b", "gpt3_175b_verifier"};
        String[] models = {RecordedAnswers.GPT3_6B_FINETUNING, RecordedAnswers.GPT3_6B_VERIFICATION,
                RecordedAnswers.GPT3_175B_FINETUNING, RecordedAnswers.GPT3_175B_VERIFICATION};
        String[] names = {"GPT-3 6B", "GPT-3 6B + verifier (best of 100)", "GPT-3 175B", "GPT-3 175B + verifier (best of 100)"};
        Map<String, LlmMathSettings.AgentBinding> bind = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            bind.put(ids[i], LlmMathSettings.AgentBinding.llm(models[i]));
        }
        LlmMathSettings settings = settings(bind, ids[0], GPT3_LADDER_COST_WEIGHT);
        ArtifactSchema schema = LlmMathFeatures.schema(List.of(ids), spentMax(settings, List.of(models)), MAX_HANDOFFS);
        List<AgentSpec> agents = new ArrayList<>();
        List<HandoffSpec> handoffs = new ArrayList<>();
        Layout layout = Layout.EMPTY;
        for (int i = 0; i < ids.length; i++) {
            List<OptionSpec> options = i == 0 ? List.of(ANSWER) : List.of(ANSWER, KEEP, PREFER_PREVIOUS);
            InterfaceSpec view = i == 0
                    ? new InterfaceSpec(List.of(ObservationTerm.binned(LlmMathFeatures.QUESTION_CHARS, 3)), false)
                    : new InterfaceSpec(List.of(
                            ObservationTerm.select(LlmMathFeatures.LAST_TWO_AGREE),
                            ObservationTerm.select(LlmMathFeatures.LATEST_HAS_FINAL),
                            ObservationTerm.binned(LlmMathFeatures.LATEST_CHARS, 3),
                            ObservationTerm.binned(LlmMathFeatures.QUESTION_CHARS, 3)), false);
            agents.add(new AgentSpec(ids[i], names[i], "LLM worker (recorded answers)", options, null, view));
            if (i + 1 < ids.length) {
                handoffs.add(new HandoffSpec(ids[i], ids[i + 1], "escalate"));
            }
            handoffs.add(new HandoffSpec(ids[i], HandoffSpec.STOP, "submit"));
            layout = layout.with(ids[i], new Layout.Point(80 + 220 * i, 120));
        }
        layout = layout.with(HandoffSpec.STOP, new Layout.Point(80 + 220 * ids.length, 260));
        return new Workflow(Workflow.FORMAT_VERSION, null, "LLM math: GPT-3 escalation ladder",
                "GSM8K questions climb from GPT-3 6B to 175B with a verifier; every rung may submit the latest or the "
                        + "previous answer. Cost: parameter-count proxy. Replays recorded answers (released labels).",
                schema, agents, handoffs, new EnvironmentSpec(LlmMathKind.ID, settings.toParameters()), training(), layout);
    }

    private static LlmMathSettings settings(Map<String, LlmMathSettings.AgentBinding> bind, String entry, double lambda) {
        return new LlmMathSettings(bind, entry, lambda, CostModel.defaults(), 0, Grading.RELEASED_LABELS,
                LlmMathSettings.Duration.TOKENS, 7, 0.3, MAX_HANDOFFS, 4, null, null, Map.of(), Map.of());
    }

    /** Upper end of the {@code spent} feature: every model answering once at the longest question and answer. */
    private static double spentMax(LlmMathSettings s, List<String> models) {
        double sum = 0;
        for (String m : models) {
            sum += s.costs().cost(m, (int) LlmMathFeatures.QUESTION_CHARS_MAX, (int) LlmMathFeatures.ANSWER_CHARS_MAX);
        }
        return Math.round(sum * 1e4) / 1e4;
    }

    private static TrainingSettings training() {
        return new TrainingSettings("icq", 1.0, StepSizeSpec.harmonic(1.0, 10.0), new EpsilonSpec(0.3, 0.05, 50_000),
                200_000, List.of(1L, 2L, 3L), 1000);
    }
}
