package dev.handoff.env.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.input.InputException;
import dev.handoff.input.InputLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A client for an OpenAI-compatible {@code POST <baseUrl>/chat/completions} endpoint (OpenAI, vLLM, Ollama, ...),
 * on {@code java.net.http}: per-request time-out (headers and body), retries with exponential back-off on time-outs,
 * connection errors, 429 and 5xx (honouring {@code Retry-After}), and a clear error for any reply it cannot use. Replies
 * are untrusted text: at most {@link dev.handoff.input.InputLimits#REPLY_BYTES} bytes are read, and a reply quoted in a
 * message has its control characters escaped. TLS certificates and host names are checked by the JDK's defaults. The API key is read
 * from the environment variable the endpoint names, at call time; it is never stored in a file.
 */
public final class ChatCompletionsClient {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_BACKOFF_SECONDS = 60;

    private final LiveEndpoint endpoint;
    private final Function<String, String> environment;
    private final HttpClient http;
    private final URI uri;

    /** One reply: the answer text, the token usage the server reported (-1 when absent) and the attempts it took. */
    public record Completion(String text, long promptTokens, long completionTokens, int attempts) {
    }

    /**
     * @param environment looks up environment variables (pass {@code System::getenv}); only {@code apiKeyEnv} is read
     */
    public ChatCompletionsClient(LiveEndpoint endpoint, Function<String, String> environment) {
        this.endpoint = endpoint;
        this.environment = environment;
        String base = endpoint.baseUrl().endsWith("/") ? endpoint.baseUrl() : endpoint.baseUrl() + "/";
        this.uri = URI.create(base).resolve("chat/completions");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis((long) (endpoint.timeoutSeconds() * 1000)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public LiveEndpoint endpoint() {
        return endpoint;
    }

    /** The prompt sent for a GSM8K question: reason step by step, final line {@code #### <number>}. */
    public static String gsm8kPrompt(String question) {
        return "Solve the following grade-school math problem. Reason step by step, then give the final answer "
                + "as a number on the last line, in the form \"#### <number>\".\n\nQuestion: " + question;
    }

    /** Sends one user message at temperature 0 and returns the reply, retrying transient failures. */
    public Completion complete(String userMessage) {
        String body = requestBody(userMessage);
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis((long) (endpoint.timeoutSeconds() * 1000)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (endpoint.apiKeyEnv() != null && !endpoint.apiKeyEnv().isBlank()) {
            String key = environment.apply(endpoint.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new LiveCallException("environment variable " + endpoint.apiKeyEnv() + " (the API key for "
                        + endpoint.baseUrl() + ") is not set");
            }
            rb.header("Authorization", "Bearer " + key);
        }
        HttpRequest request = rb.build();
        String lastFailure = null;
        for (int attempt = 1; attempt <= endpoint.maxRetries() + 1; attempt++) {
            double retryAfter = -1;
            try {
                HttpResponse<String> r = send(request);
                int status = r.statusCode();
                if (status == 200) {
                    return parse(r.body(), attempt);
                }
                lastFailure = "HTTP " + status + ": " + abbreviate(r.body());
                if (status != 429 && status < 500) {
                    throw new LiveCallException(endpoint.baseUrl() + " refused the request (" + lastFailure + ")");
                }
                retryAfter = r.headers().firstValue("Retry-After").map(ChatCompletionsClient::seconds).orElse(-1.0);
            } catch (HttpTimeoutException | TimeoutException e) {
                lastFailure = "no reply within " + endpoint.timeoutSeconds() + " s";
            } catch (CappedReply.TooLarge e) {
                throw new LiveCallException(endpoint.baseUrl() + ": " + e.getMessage()); // it would be as large again
            } catch (IOException e) {
                lastFailure = "connection failed: " + InputException.printable(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiveCallException("interrupted while calling " + endpoint.baseUrl(), e);
            }
            if (attempt <= endpoint.maxRetries()) {
                double wait = retryAfter >= 0 ? retryAfter
                        : endpoint.initialBackoffSeconds() * Math.pow(2, attempt - 1);
                wait = Math.min(wait, MAX_BACKOFF_SECONDS);
                LOG.warn("{} attempt {} failed ({}); retrying in {} s", endpoint.baseUrl(), attempt, lastFailure, wait);
                sleep(wait);
            }
        }
        throw new LiveCallException(endpoint.baseUrl() + " failed after " + (endpoint.maxRetries() + 1) + " attempts; last: "
                + lastFailure);
    }

    /**
     * One exchange, headers and body within {@code timeoutSeconds} (the request time-out alone bounds only the
     * headers: a server dripping its body would hold the call forever), the body capped by {@link CappedReply}.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, CappedReply.handler());
        try {
            return exchange.get((long) (endpoint.timeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "the exchange failed" : cause.toString(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
    }

    private String requestBody(String userMessage) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", endpoint.model());
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", userMessage);
        root.put("temperature", 0);
        return root.toString();
    }

    private Completion parse(String body, int attempt) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new LiveCallException("malformed reply from " + endpoint.baseUrl() + ": not JSON (" + abbreviate(body) + ")", e);
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw new LiveCallException("malformed reply from " + endpoint.baseUrl()
                    + ": no choices[0].message.content text (" + abbreviate(body) + ")");
        }
        JsonNode usage = root.path("usage");
        long in = usage.path("prompt_tokens").canConvertToLong() ? usage.path("prompt_tokens").asLong(-1) : -1;
        long out = usage.path("completion_tokens").canConvertToLong() ? usage.path("completion_tokens").asLong(-1) : -1;
        return new Completion(content.asText(), in, out, attempt);
    }

    private static double seconds(String retryAfter) {
        try {
            return Double.parseDouble(retryAfter.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A reply quoted in a message: 200 characters at most, control characters shown escaped (untrusted text). */
    private static String abbreviate(String s) {
        if (s == null) {
            return "empty body";
        }
        return InputException.printable(s.length() <= 200 ? s : s.substring(0, 200) + "…");
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveCallException("interrupted during back-off", e);
        }
    }

    /**
     * A reply body read as untrusted text: at most {@link InputLimits#REPLY_BYTES} bytes (the exchange is cancelled at the
     * first byte over, so a 50 MB reply never reaches memory), decoded as UTF-8 with malformed bytes replaced.
     */
    static final class CappedReply implements HttpResponse.BodySubscriber<String> {
        /** The reply was larger than the cap. */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge(long cap) {
                super("the reply is larger than " + InputLimits.REPLY_BYTES + " " + InputLimits.REPLY_BYTES.unit()
                        + " (read no further than " + cap + ")");
            }
        }

        private final long cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedReply(long cap) {
            this.cap = cap;
        }

        static HttpResponse.BodyHandler<String> handler() {
            return info -> new CappedReply(InputLimits.REPLY_BYTES.value());
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge(cap));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(new String(bytes.toByteArray(), StandardCharsets.UTF_8)); // malformed bytes become U+FFFD
        }
    }
}
