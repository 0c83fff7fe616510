package dev.handoff.env.llm;

import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment parameters of an llm-math workflow, read from {@link EnvironmentSpec#parameters()}:
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
     * Reads the parameters, adding a {@link Problem} (with its JSON path) for each one that is wrong and using the
     * default in its place.
     */
    public static LlmMathSettings parse(EnvironmentSpec env, List<Problem> problems) {
        Map<String, Object> p = env == null ? Map.of() : env.parameters();
        String base = "/environment/parameters/";
        Map<String, AgentBinding> agents = new LinkedHashMap<>();
        Object a = p.get("agents");
        if (a instanceof Map<?, ?> am) {
            for (Map.Entry<?, ?> e : am.entrySet()) {
                String id = String.valueOf(e.getKey());
                String path = base + "agents/" + id;
                if (!(e.getValue() instanceof Map<?, ?> bm)) {
                    problems.add(new Problem(path, "must be an object like {\"model\": \"gpt-4-1106-preview\"}"));
                    continue;
                }
                Object model = bm.get("model");
                Object tool = bm.get("tool");
                if ((model == null) == (tool == null)) {
                    problems.add(new Problem(path, "give exactly one of \"model\" or \"tool\""));
                } else if (tool != null && !TOOLS.contains(String.valueOf(tool))) {
                    problems.add(new Problem(path + "/tool", "unknown tool \"" + tool + "\"; expected one of " + TOOLS));
                } else {
                    agents.put(id, new AgentBinding(model == null ? null : String.valueOf(model),
                            tool == null ? null : String.valueOf(tool)));
                }
            }
        } else if (a != null) {
            problems.add(new Problem(base + "agents", "must be an object: agent id → {\"model\": ...} or {\"tool\": ...}"));
        }
        String entry = p.get("entryAgent") == null ? null : String.valueOf(p.get("entryAgent"));
        double lambda = number(p, "costWeight", 100, problems);
        if (lambda < 0) {
            problems.add(new Problem(base + "costWeight", "must be ≥ 0"));
            lambda = 0;
        }
        CostModel costs;
        try {
            costs = CostModel.fromParameters(p.get("costs"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(base + "costs", e.getMessage()));
            costs = CostModel.defaults();
        }
        double toolCost = number(p, "toolCost", 0, problems);
        Grading grading = Grading.RELEASED_LABELS;
        if (p.get("grading") != null) {
            try {
                grading = Grading.fromId(String.valueOf(p.get("grading")));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(base + "grading", e.getMessage()));
            }
        }
        Duration duration = Duration.TOKENS;
        if (p.get("duration") != null) {
            String d = String.valueOf(p.get("duration"));
            if (d.equals("calls")) {
                duration = Duration.CALLS;
            } else if (d.equals("latency")) {
                duration = Duration.LATENCY;
            } else if (!d.equals("tokens")) {
                problems.add(new Problem(base + "duration", "expected \"tokens\", \"calls\" or \"latency\", is \"" + d + "\""));
            }
        }
        long seed = (long) number(p, "splitSeed", 7, problems);
        double testFraction = number(p, "testFraction", 0.3, problems);
        if (!(testFraction > 0 && testFraction < 1)) {
            problems.add(new Problem(base + "testFraction", "must be strictly between 0 and 1"));
            testFraction = 0.3;
        }
        int maxHandoffs = (int) number(p, "maxHandoffs", 8, problems);
        if (maxHandoffs < 1) {
            problems.add(new Problem(base + "maxHandoffs", "must be at least 1"));
            maxHandoffs = 8;
        }
        int oracleBins = (int) number(p, "oracleBins", 4, problems);
        if (oracleBins < 1) {
            problems.add(new Problem(base + "oracleBins", "must be at least 1"));
            oracleBins = 4;
        }
        String dataDirectory = p.get("dataDirectory") == null ? null : String.valueOf(p.get("dataDirectory"));
        String replayFile = p.get("replayFile") == null ? null : String.valueOf(p.get("replayFile"));
        Map<String, LiveEndpoint> live = new LinkedHashMap<>();
        Object l = p.get("live");
        if (l instanceof Map<?, ?> lm) {
            for (Map.Entry<?, ?> e : lm.entrySet()) {
                try {
                    live.put(String.valueOf(e.getKey()), LiveEndpoint.fromParameters(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(base + "live/" + e.getKey(), ex.getMessage()));
                }
            }
        } else if (l != null) {
            problems.add(new Problem(base + "live", "must be an object: agent id → endpoint"));
        }
        Map<String, Latency> latency = new LinkedHashMap<>();
        Object lt = p.get("latency");
        if (lt instanceof Map<?, ?> ltm) {
            for (Map.Entry<?, ?> e : ltm.entrySet()) {
                String path = base + "latency/" + e.getKey();
                if (e.getValue() instanceof Map<?, ?> v && v.get("fixedMs") instanceof Number f
                        && v.get("msPerToken") instanceof Number t) {
                    try {
                        latency.put(String.valueOf(e.getKey()), new Latency(f.doubleValue(), t.doubleValue()));
                    } catch (IllegalArgumentException ex) {
                        problems.add(new Problem(path, ex.getMessage()));
                    }
                } else {
                    problems.add(new Problem(path, "must be {\"fixedMs\": number, \"msPerToken\": number}"));
                }
            }
        } else if (lt != null) {
            problems.add(new Problem(base + "latency", "must be an object: model id → {fixedMs, msPerToken}"));
        }
        if (duration == Duration.LATENCY) {
            for (Map.Entry<String, AgentBinding> e : agents.entrySet()) {
                String model = live.containsKey(e.getKey()) ? live.get(e.getKey()).modelId() : e.getValue().model();
                if (e.getValue().isLlm() && !latency.containsKey(model)) {
                    problems.add(new Problem(base + "latency", "duration is latency but model \"" + model
                            + "\" has no latency model"));
                }
            }
        }
        return new LlmMathSettings(agents, entry, lambda, costs, toolCost, grading, duration, seed, testFraction,
                maxHandoffs, oracleBins, dataDirectory, replayFile, live, latency);
    }

    /** These settings as workflow parameters (the inverse of {@link #parse}). */
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

    private static double number(Map<String, Object> p, String key, double fallback, List<Problem> problems) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        problems.add(new Problem("/environment/parameters/" + key, "must be a number, is \"" + v + "\""));
        return fallback;
    }
}
