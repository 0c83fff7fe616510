package dev.handoff.env.cpu;

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

/** A real chat-completions server on 127.0.0.1 answering from a script: each request takes the next reply. */
final class CpuStubChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply: HTTP status, the assistant's text (for 200) and a delay before answering. */
    record Reply(int status, String content, long delayMillis) {
        static Reply ok(String content) {
            return new Reply(200, content, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());

    CpuStubChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized CpuStubChatServer then(Reply r) {
        script.addLast(r);
        return this;
    }

    List<JsonNode> requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
        Reply r;
        synchronized (this) {
            r = script.isEmpty() ? new Reply(503, "script exhausted", 0) : script.pollFirst();
        }
        try {
            if (r.delayMillis() > 0) {
                Thread.sleep(r.delayMillis());
            }
            String body;
            if (r.status() == 200) {
                var root = JSON.createObjectNode();
                root.putArray("choices").addObject().put("index", 0).putObject("message").put("role", "assistant")
                    .put("content", r.content());
                root.putObject("usage").put("prompt_tokens", 400).put("completion_tokens", 100);
                body = root.toString();
            } else {
                body = "{\"error\":\"" + r.content() + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
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
