package dev.handoff.env.llm;

import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented, editable cost assumption of the llm-math kind (the data files contain no costs). An answer of
 * model m to a question costs {@code samples × (inputTokens × inputPerMTok + outputTokens × outputPerMTok) / 1e6}
 * dollars, with {@code tokens ≈ chars / charsPerToken} and {@code inputTokens = question tokens + promptTokens}.
 *
 * <p>Defaults: GPT-4-1106-preview at its launch list price ($10 in / $30 out per 1M tokens); Mixtral-8x7B at
 * $0.6/1M both ways (hosted prices varied, ~$0.2–0.7); the GPT-3 models by a parameter-count proxy of $0.1 per
 * 1M tokens per billion parameters (6B → $0.6, 175B → $17.5); "verification" = 100 samples, so 100× the generation
 * cost of "finetuning" (the verifier's own passes are not counted). {@code promptTokens} is 0 by default although
 * RouteLLM's answers were generated 8-shot: set it to count the few-shot prompt.
 *
 * @param charsPerToken the tokens ≈ chars / charsPerToken rule (4 by default)
 * @param models        the price of each model id
 */
public record CostModel(double charsPerToken, Map<String, ModelCost> models) {

    /** Prices of one model. */
    public record ModelCost(double inputPerMTok, double outputPerMTok, double samples, double promptTokens) {
        public ModelCost {
            if (inputPerMTok < 0 || outputPerMTok < 0 || samples < 1 || promptTokens < 0) {
                throw new IllegalArgumentException("prices and prompt tokens must be ≥ 0 and samples ≥ 1");
            }
        }

        Map<String, Object> toParameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inputPerMTok", inputPerMTok);
            m.put("outputPerMTok", outputPerMTok);
            m.put("samples", samples);
            m.put("promptTokens", promptTokens);
            return m;
        }
    }

    public CostModel {
        if (!(charsPerToken > 0)) {
            throw new IllegalArgumentException("charsPerToken must be > 0");
        }
        models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /** The default assumption described above, for the six released models. */
    public static CostModel defaults() {
        Map<String, ModelCost> m = new TreeMap<>();
        m.put(RecordedAnswers.GPT3_6B_FINETUNING, new ModelCost(0.6, 0.6, 1, 0));
        m.put(RecordedAnswers.GPT3_6B_VERIFICATION, new ModelCost(0.6, 0.6, 100, 0));
        m.put(RecordedAnswers.GPT3_175B_FINETUNING, new ModelCost(17.5, 17.5, 1, 0));
        m.put(RecordedAnswers.GPT3_175B_VERIFICATION, new ModelCost(17.5, 17.5, 100, 0));
        m.put(RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, new ModelCost(0.6, 0.6, 1, 0));
        m.put(RecordedAnswers.GPT4_1106_PREVIEW, new ModelCost(10, 30, 1, 0));
        return new CostModel(4.0, m);
    }

    /** Tokens of a text of {@code chars} characters (at least 1). */
    public long tokens(int chars) {
        return Math.max(1, (long) Math.ceil(chars / charsPerToken));
    }

    public boolean prices(String model) {
        return models.containsKey(model);
    }

    /** Dollars for one answer of {@code model} (of {@code answerChars}) to a question of {@code questionChars}. */
    public double cost(String model, int questionChars, int answerChars) {
        ModelCost c = models.get(model);
        if (c == null) {
            throw new IllegalArgumentException("no cost assumption for model \"" + model + "\"");
        }
        double in = tokens(questionChars) + c.promptTokens();
        double out = tokens(answerChars);
        return c.samples() * (in * c.inputPerMTok() + out * c.outputPerMTok()) / 1e6;
    }

    /** Generated tokens of one answer, all samples counted (the "tokens" option duration τ). */
    public long generatedTokens(String model, int answerChars) {
        ModelCost c = models.get(model);
        double samples = c == null ? 1 : c.samples();
        return Math.max(1, Math.round(samples * tokens(answerChars)));
    }

    /** As workflow parameters: {@code {"charsPerToken": 4, "models": {id: {inputPerMTok, ...}}}}. */
    public Map<String, Object> toParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("charsPerToken", charsPerToken);
        Map<String, Object> per = new TreeMap<>();
        models.forEach((id, c) -> per.put(id, c.toParameters()));
        m.put("models", per);
        return m;
    }

    /**
     * Reads the {@code costs} parameter, typed: models it does not mention keep their default price, fields a model entry
     * leaves out keep that model's default (or 0 / 1 sample when the model has no default). Wrong values are added to
     * the reader's problems at their paths and keep their defaults.
     */
    public static CostModel read(ParameterReader costs) {
        CostModel d = defaults();
        double cpt = costs.number("charsPerToken", d.charsPerToken(), Range.above(0));
        Map<String, ModelCost> out = new TreeMap<>(d.models());
        costs.objects("models", "an object {inputPerMTok, outputPerMTok, samples, promptTokens}").forEach((id, m) -> {
            ModelCost base = out.getOrDefault(id, new ModelCost(0, 0, 1, 0));
            out.put(id, new ModelCost(
                    m.number("inputPerMTok", base.inputPerMTok(), Range.atLeast(0)),
                    m.number("outputPerMTok", base.outputPerMTok(), Range.atLeast(0)),
                    m.number("samples", base.samples(), Range.atLeast(1)),
                    m.number("promptTokens", base.promptTokens(), Range.atLeast(0))));
            m.refuseUnknown("model cost field");
        });
        costs.refuseUnknown("costs field");
        return new CostModel(cpt, out);
    }
}
