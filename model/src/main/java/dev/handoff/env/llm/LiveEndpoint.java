package dev.handoff.env.llm;

import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;

import java.util.LinkedHashMap;
import java.util.List;
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

    private static final String BASE_URL = "baseUrl";
    /** The fields of an endpoint block (an {@code apiKey} is refused). */
    public static final List<String> FIELDS = List.of(BASE_URL, "model", "modelId", "apiKeyEnv", "timeoutSeconds",
            "maxRetries", "initialBackoffSeconds", "spendCapDollars");

    /**
     * Reads an endpoint block of a workflow's parameters, typed ({@code baseUrl} and {@code model} required, the rest
     * with their defaults); refuses an {@code apiKey} written into the workflow. Null when the block has a problem.
     */
    public static LiveEndpoint read(ParameterReader r) {
        int before = r.problemCount();
        if (r.has("apiKey")) {
            r.problemHere("an API key must not be written into a workflow: name an environment variable in \"apiKeyEnv\" "
                    + "instead");
        }
        boolean complete = r.require(BASE_URL, "e.g. http://localhost:11434/v1") & r.require("model", "the name the server knows");
        String baseUrl = r.text(BASE_URL, null);
        String model = r.text("model", null);
        String modelId = r.text("modelId", null);
        String apiKeyEnv = r.text("apiKeyEnv", null);
        double timeoutSeconds = r.number("timeoutSeconds", 60, Range.above(0));
        int maxRetries = r.wholeInt("maxRetries", 4, Range.atLeast(0));
        double backoff = r.number("initialBackoffSeconds", 1, Range.atLeast(0));
        double spendCap = r.number("spendCapDollars", 1, Range.atLeast(0));
        if (!complete || r.problemCount() > before) {
            return null;
        }
        return new LiveEndpoint(baseUrl, model, modelId, apiKeyEnv, timeoutSeconds, maxRetries, backoff, spendCap);
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
}
