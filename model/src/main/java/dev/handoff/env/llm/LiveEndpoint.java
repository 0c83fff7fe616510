package dev.handoff.env.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a live agent's answers come from: an OpenAI-compatible chat-completions server. The API key is never part
 * of a workflow: {@code apiKeyEnv} names the environment variable that holds it (null for servers without keys,
 * e.g. a local Ollama). {@code modelId} is the id the answers are recorded under (and priced by); {@code model}
 * is the name the server knows.
 */
public record LiveEndpoint(String baseUrl, String model, String modelId, String apiKeyEnv, double timeoutSeconds,
                           int maxRetries, double initialBackoffSeconds, double spendCapDollars) {
    public LiveEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required (e.g. http://localhost:11434/v1)");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is required");
        }
        if (modelId == null || modelId.isBlank()) {
            modelId = model;
        }
        if (!(timeoutSeconds > 0) || maxRetries < 0 || initialBackoffSeconds < 0 || spendCapDollars < 0) {
            throw new IllegalArgumentException("timeoutSeconds must be > 0; maxRetries, backoff and spend cap ≥ 0");
        }
    }

    /** Reads an endpoint block of a workflow's parameters; refuses an {@code apiKey} written into the workflow. */
    public static LiveEndpoint fromParameters(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("must be an object {baseUrl, model, apiKeyEnv, ...}");
        }
        if (m.containsKey("apiKey")) {
            throw new IllegalArgumentException("an API key must not be written into a workflow: name an environment "
                    + "variable in \"apiKeyEnv\" instead");
        }
        return new LiveEndpoint(str(m.get("baseUrl")), str(m.get("model")), str(m.get("modelId")), str(m.get("apiKeyEnv")),
                num(m.get("timeoutSeconds"), 60), (int) num(m.get("maxRetries"), 4),
                num(m.get("initialBackoffSeconds"), 1), num(m.get("spendCapDollars"), 1));
    }

    Map<String, Object> toParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseUrl", baseUrl);
        m.put("model", model);
        m.put("modelId", modelId);
        if (apiKeyEnv != null) {
            m.put("apiKeyEnv", apiKeyEnv);
        }
        m.put("timeoutSeconds", timeoutSeconds);
        m.put("maxRetries", maxRetries);
        m.put("initialBackoffSeconds", initialBackoffSeconds);
        m.put("spendCapDollars", spendCapDollars);
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static double num(Object o, double fallback) {
        if (o == null) {
            return fallback;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("\"" + o + "\" is not a number");
    }
}
