package dev.handoff.env.llm;

import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;
import dev.handoff.workflow.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment parameters of an llm-math workflow, read once and typed from {@link EnvironmentSpec#parameters()}
 * (an unknown one is refused):
 * <ul>
 *   <li>{@code agents}: agent id → {@code {"model": "<model id>"}} (an LLM worker) or {@code {"tool": "answer-comparator"
 *       | "format-checker"}} (a cheap non-LLM agent);</li>
 *   <li>{@code entryAgent}: who receives each new question (default: the first agent of the workflow);</li>
 *   <li>{@code costWeight} λ (reward = correct − λ·dollars, default 100), {@code costs} ({@link CostModel}),
 *       {@code toolCost} (dollars per tool decision, default 0);</li>
 *   <li>{@code grading}: {@code released-labels} (default) or {@code regraded};</li>
 *   <li>{@code duration}: option duration τ in {@code tokens} generated (default), {@code calls}, or {@code latency}
 *       milliseconds, {@code latency}: model id → {@code {"fixedMs": .., "msPerToken": ..}} (required for every LLM
 *       model when the duration is latency: there is no default, the data holds no timings);</li>
 *   <li>{@code splitSeed} (default 7) and {@code testFraction} (default 0.3): the fixed train/held-out split;</li>
 *   <li>{@code maxHandoffs} (default 8): an episode is submitted after this many handoffs;</li>
 *   <li>{@code oracleBins} (default 4): bins per real feature in the centralised oracle's joint key;</li>
 *   <li>{@code dataDirectory} (default: the project's {@code sample-workflows/data/gsm8k}), {@code replayFile}
 *       (extra answers to load; live answers are appended to it), {@code live}: agent id → {@link LiveEndpoint}
 *       fields.</li>
 * </ul>
 */
public record LlmMathSettings(Map<String, AgentBinding> agents, String entryAgent, double costWeight, CostModel costs,
                              double toolCost, Grading grading, Duration duration, long splitSeed, double testFraction,
                              int maxHandoffs, int oracleBins, String dataDirectory, String replayFile,
                              Map<String, LiveEndpoint> live, Map<String, Latency> latency) {

    public LlmMathSettings {
        agents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        live = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(live));
        latency = latency == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latency));
    }

    /** A latency model of one LLM: {@code τ = round(fixedMs + msPerToken × generated tokens)} milliseconds. */
    public record Latency(double fixedMs, double msPerToken) {
        public Latency {
            if (fixedMs < 0 || msPerToken < 0) {
                throw new IllegalArgumentException("fixedMs and msPerToken must be ≥ 0");
            }
        }

        /** Duration in milliseconds of an answer of {@code tokens} generated tokens (at least 1). */
        public int millis(long tokens) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(fixedMs + msPerToken * tokens)));
        }
    }

    /** What backs an agent: an LLM ({@code model} set) or a cheap tool ({@code tool} set). */
    public record AgentBinding(String model, String tool) {
        public static AgentBinding llm(String model) {
            return new AgentBinding(model, null);
        }

        public static AgentBinding tool(String tool) {
            return new AgentBinding(null, tool);
        }

        public boolean isLlm() {
            return model != null;
        }

        Map<String, Object> toParameters() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (model != null) {
                m.put("model", model);
            }
            if (tool != null) {
                m.put("tool", tool);
            }
            return m;
        }
    }

    /** How the duration τ of an option is measured. */
    public enum Duration {
        /** Generated tokens (all samples), at least 1; tool decisions take 1. */
        TOKENS,
        /** One step per decision. */
        CALLS,
        /** Milliseconds by the {@code latency} model of each LLM; tool decisions take 1. */
        LATENCY
    }

    public static final String ANSWER_COMPARATOR = "answer-comparator";
    public static final String FORMAT_CHECKER = "format-checker";
    public static final List<String> TOOLS = List.of(ANSWER_COMPARATOR, FORMAT_CHECKER);

    /**
     * Reads the parameters once, typed, adding a {@link Problem} at its JSON path for each one that is of the wrong type,
     * out of range or unknown, and using the default in its place.
     */
    public static LlmMathSettings read(EnvironmentSpec env, List<Problem> problems) {
        ParameterReader p = ParameterReader.of(env, problems);
        Map<String, AgentBinding> agents = new LinkedHashMap<>();
        p.objects("agents", "an object like {\"model\": \"gpt-4-1106-preview\"} or {\"tool\": \"answer-comparator\"}")
                .forEach((id, b) -> {
                    boolean hasModel = b.has("model");
                    String model = b.text("model", null);
                    String tool = b.choice("tool", null, TOOL_NAMES);
                    b.refuseUnknown("agent binding field");
                    if (hasModel == b.has("tool")) {
                        b.problemHere("give exactly one of \"model\" or \"tool\"");
                    } else if (model != null || tool != null) {
                        agents.put(id, new AgentBinding(model, tool));
                    }
                });
        String entry = p.text("entryAgent", null);
        double lambda = p.number("costWeight", 100, Range.atLeast(0));
        CostModel costs = p.object("costs").map(CostModel::read).orElseGet(CostModel::defaults);
        double toolCost = p.number("toolCost", 0, Range.atLeast(0));
        Grading grading = p.choice("grading", Grading.RELEASED_LABELS, GRADINGS);
        Duration duration = p.choice("duration", Duration.TOKENS, DURATIONS);
        long seed = p.wholeNumber("splitSeed", 7, Range.ANY);
        double testFraction = p.number("testFraction", 0.3, Range.open(0, 1));
        int maxHandoffs = p.wholeInt("maxHandoffs", 8, Range.atLeast(1));
        int oracleBins = p.wholeInt("oracleBins", 4, Range.atLeast(1));
        String dataDirectory = p.text("dataDirectory", null);
        String replayFile = p.text("replayFile", null);
        Map<String, LiveEndpoint> live = new LinkedHashMap<>();
        p.objects("live", "an endpoint object {baseUrl, model, apiKeyEnv, ...}").forEach((id, e) -> {
            LiveEndpoint endpoint = LiveEndpoint.read(e);
            e.refuseUnknown("live endpoint field");
            if (endpoint != null) {
                live.put(id, endpoint);
            }
        });
        Map<String, Latency> latency = new LinkedHashMap<>();
        p.objects("latency", "an object {\"fixedMs\": number, \"msPerToken\": number}").forEach((model, l) -> {
            boolean complete = l.require("fixedMs", null) & l.require("msPerToken", null);
            double fixedMs = l.number("fixedMs", 0, Range.atLeast(0));
            double msPerToken = l.number("msPerToken", 0, Range.atLeast(0));
            l.refuseUnknown("latency field");
            if (complete) {
                latency.put(model, new Latency(fixedMs, msPerToken));
            }
        });
        p.refuseUnknown(LlmMathKind.ID + " parameter");
        if (duration == Duration.LATENCY) {
            for (Map.Entry<String, AgentBinding> e : agents.entrySet()) {
                String model = live.containsKey(e.getKey()) ? live.get(e.getKey()).modelId() : e.getValue().model();
                if (e.getValue().isLlm() && !latency.containsKey(model)) {
                    p.problem("latency", "duration is latency but model \"" + model + "\" has no latency model");
                }
            }
        }
        return new LlmMathSettings(agents, entry, lambda, costs, toolCost, grading, duration, seed, testFraction,
                maxHandoffs, oracleBins, dataDirectory, replayFile, live, latency);
    }

    private static final Map<String, String> TOOL_NAMES = byName(TOOLS, t -> t);
    private static final Map<String, Grading> GRADINGS = byName(List.of(Grading.values()), Grading::id);
    private static final Map<String, Duration> DURATIONS = byName(List.of(Duration.values()),
            d -> d.name().toLowerCase(java.util.Locale.ROOT));

    private static <T> Map<String, T> byName(List<T> values, java.util.function.Function<T, String> name) {
        Map<String, T> m = new LinkedHashMap<>();
        values.forEach(v -> m.put(name.apply(v), v));
        return m;
    }

    /** These settings as workflow parameters (the inverse of {@link #read}). */
    public Map<String, Object> toParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> ag = new LinkedHashMap<>();
        agents.forEach((id, b) -> ag.put(id, b.toParameters()));
        m.put("agents", ag);
        if (entryAgent != null) {
            m.put("entryAgent", entryAgent);
        }
        m.put("costWeight", costWeight);
        m.put("costs", costs.toParameters());
        m.put("toolCost", toolCost);
        m.put("grading", grading.id());
        m.put("duration", duration.name().toLowerCase(java.util.Locale.ROOT));
        if (!latency.isEmpty()) {
            Map<String, Object> lt = new LinkedHashMap<>();
            latency.forEach((id, l) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("fixedMs", l.fixedMs());
                one.put("msPerToken", l.msPerToken());
                lt.put(id, one);
            });
            m.put("latency", lt);
        }
        m.put("splitSeed", splitSeed);
        m.put("testFraction", testFraction);
        m.put("maxHandoffs", maxHandoffs);
        m.put("oracleBins", oracleBins);
        if (dataDirectory != null) {
            m.put("dataDirectory", dataDirectory);
        }
        if (replayFile != null) {
            m.put("replayFile", replayFile);
        }
        if (!live.isEmpty()) {
            Map<String, Object> lv = new LinkedHashMap<>();
            live.forEach((id, e) -> lv.put(id, e.toParameters()));
            m.put("live", lv);
        }
        return m;
    }

    public LlmMathSettings withCostWeight(double lambda) {
        return new LlmMathSettings(agents, entryAgent, lambda, costs, toolCost, grading, duration, splitSeed,
                testFraction, maxHandoffs, oracleBins, dataDirectory, replayFile, live, latency);
    }

    public LlmMathSettings withGrading(Grading g) {
        return new LlmMathSettings(agents, entryAgent, costWeight, costs, toolCost, g, duration, splitSeed,
                testFraction, maxHandoffs, oracleBins, dataDirectory, replayFile, live, latency);
    }
}
