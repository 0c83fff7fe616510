package dev.handoff.env.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 speaking the chat-completions protocol, scripted reply by reply: each request takes
 * the next scripted {@link Reply} (then the default one), so tests can produce slow, failing and malformed replies.
 */
public final class StubChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One scripted reply: status, body, optional delay and Retry-After header; {@code dripMillis} &gt; 0 sends the body a
     * few bytes at a time with that pause between (a server that never quite finishes).
     */
    public record Reply(int status, String body, long delayMillis, String retryAfter, long dripMillis) {
        public Reply(int status, String body, long delayMillis, String retryAfter) {
            this(status, body, delayMillis, retryAfter, 0);
        }

        public static Reply ok(String content) {
            return new Reply(200, completion(content), 0, null);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final Function<JsonNode, Reply> fallback;

    public StubChatServer(Function<JsonNode, Reply> fallback) throws IOException {
        this.fallback = fallback;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static String completion(String content) {
        var root = JSON.createObjectNode();
        root.put("id", "stub-1");
        root.putArray("choices").addObject().put("index", 0).putObject("message").put("role", "assistant")
                .put("content", content);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50);
        return root.toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized void then(Reply r) {
        script.addLast(r);
    }

    public List<JsonNode> requests() {
        return requests;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        requests.add(body);
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        Reply r;
        synchronized (this) {
            r = script.isEmpty() ? fallback.apply(body) : script.pollFirst();
        }
        if (r.delayMillis() > 0) {
            try {
                Thread.sleep(r.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (r.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", r.retryAfter());
        }
        try {
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (r.dripMillis() > 0) {
                    for (int i = 0; i < bytes.length; i += 8) {
                        out.write(bytes, i, Math.min(8, bytes.length - i));
                        out.flush();
                        Thread.sleep(r.dripMillis());
                    }
                } else {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
