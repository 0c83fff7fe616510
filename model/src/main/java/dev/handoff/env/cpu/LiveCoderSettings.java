package dev.handoff.env.cpu;

import dev.handoff.env.llm.ChatCompletionsClient;
import dev.handoff.env.llm.LiveEndpoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The live coder's parameters ({@code environment.parameters.live}): an OpenAI-compatible endpoint (no API key in
 * the file: {@code apiKeyEnv} names the environment variable) and the replay file every answer is appended to. With a
 * {@code replayFile} and no {@code baseUrl} the coder replays recorded answers offline.
 *
 * @param endpoint      the endpoint, or null to replay only
 * @param replayFile    JSON Lines of {@link LlmCoder.ReplayEntry}; required
 * @param inputPerMTok  dollars per million prompt tokens, for the spend cap (default 0)
 * @param outputPerMTok dollars per million completion tokens (default 0)
 */
public record LiveCoderSettings(LiveEndpoint endpoint, String replayFile, double inputPerMTok, double outputPerMTok) {
    public LiveCoderSettings {
        if (replayFile == null || replayFile.isBlank()) {
            throw new IllegalArgumentException("live.replayFile is required: every live answer is recorded there, and a "
                + "replay file alone replays a live run offline");
        }
        if (inputPerMTok < 0 || outputPerMTok < 0) {
            throw new IllegalArgumentException("live prices must be ≥ 0");
        }
    }

    /** Reads {@code {baseUrl, model, apiKeyEnv, timeoutSeconds, maxRetries, initialBackoffSeconds, spendCapDollars,
     * inputPerMTok, outputPerMTok, replayFile}}; refuses an {@code apiKey} written into the workflow. */
    static LiveCoderSettings fromParameters(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("live must be an object {baseUrl, model, apiKeyEnv, replayFile, ...}");
        }
        if (m.containsKey("apiKey")) {
            throw new IllegalArgumentException("an API key must not be written into a workflow: name an environment "
                + "variable in live.apiKeyEnv instead");
        }
        LiveEndpoint endpoint = m.get("baseUrl") == null ? null : LiveEndpoint.fromParameters(m);
        return new LiveCoderSettings(endpoint, str(m.get("replayFile")), num(m.get("inputPerMTok"), 0),
            num(m.get("outputPerMTok"), 0));
    }

    /** The coder these settings describe; the API key is read from the process environment at call time. */
    LlmCoder open() {
        return open(System::getenv);
    }

    LlmCoder open(Function<String, String> environment) {
        ChatCompletionsClient client = endpoint == null ? null : new ChatCompletionsClient(endpoint, environment);
        return new LlmCoder(client, Path.of(replayFile), inputPerMTok, outputPerMTok);
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
        throw new IllegalArgumentException("live: \"" + o + "\" is not a number");
    }
}
