package dev.handoff.env.cpu;

import dev.handoff.env.llm.ChatCompletionsClient;
import dev.handoff.env.llm.LiveEndpoint;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;

import java.nio.file.Path;
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

    /**
     * Reads {@code {baseUrl, model, apiKeyEnv, timeoutSeconds, maxRetries, initialBackoffSeconds, spendCapDollars,
     * inputPerMTok, outputPerMTok, replayFile}}, typed (an endpoint only when one of its fields is given); refuses an
     * {@code apiKey} written into the workflow. Null when the block has a problem (added to the reader's problems).
     */
    static LiveCoderSettings read(ParameterReader r) {
        int before = r.problemCount();
        boolean wantsEndpoint = r.has("apiKey") || LiveEndpoint.FIELDS.stream().anyMatch(r::has);
        LiveEndpoint endpoint = wantsEndpoint ? LiveEndpoint.read(r) : null;
        boolean complete = r.require("replayFile", "every live answer is recorded there, and a replay file alone "
            + "replays a live run offline");
        String replayFile = r.text("replayFile", null);
        double in = r.number("inputPerMTok", 0, Range.atLeast(0));
        double out = r.number("outputPerMTok", 0, Range.atLeast(0));
        r.refuseUnknown("live field");
        if (!complete || r.problemCount() > before) {
            return null;
        }
        return new LiveCoderSettings(endpoint, replayFile, in, out);
    }

    /** The coder these settings describe; the API key is read from the process environment at call time. */
    LlmCoder open() {
        return open(System::getenv);
    }

    LlmCoder open(Function<String, String> environment) {
        ChatCompletionsClient client = endpoint == null ? null : new ChatCompletionsClient(endpoint, environment);
        return new LlmCoder(client, Path.of(replayFile), inputPerMTok, outputPerMTok);
    }
}
