package dev.handoff.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.handoff.trace.TraceWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One agent's policy as an HTTP service on the JDK's built-in server: {@code POST /act}, {@code POST /outcome},
 * {@code GET /policy}, {@code GET /health} (docs/serve.openapi.yaml). Bodies over the size cap, malformed JSON and
 * invalid fields get a 400 naming the field; with a token every endpoint but {@code /health} needs
 * {@code Authorization: Bearer <token>}; a request not read in full within the time-out has its connection closed.
 * Nothing a client sends stops the server: each exchange's failure ends that exchange only.
 */
public final class PolicyServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyServer.class);

    /** How the server runs: where it listens, its limits, its optional token and decision log. */
    public record Settings(String host, int port, int maxBodyBytes, int timeoutSeconds, int threads, String token,
                           java.nio.file.Path log) {
        public static final int DEFAULT_MAX_BODY = 64 * 1024;
        public static final int DEFAULT_TIMEOUT = 10;

        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in 0..65535, is " + port);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("the body cap must be at least 1 byte");
            }
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("the time-out must be at least 1 second");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
        }

        /** Local defaults: 127.0.0.1, a 64 KiB body cap, a 10 s time-out, 4 threads, no token, no log. */
        public static Settings local(int port) {
            return new Settings("127.0.0.1", port, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, 4, null, null);
        }

        public Settings withToken(String t) {
            return new Settings(host, port, maxBodyBytes, timeoutSeconds, threads, t, log);
        }

        public Settings withLog(java.nio.file.Path file) {
            return new Settings(host, port, maxBodyBytes, timeoutSeconds, threads, token, file);
        }

        public Settings withLimits(int maxBody, int timeout) {
            return new Settings(host, port, maxBody, timeout, threads, token, log);
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final AgentService service;
    private final TraceWriter log;
    private final ObjectMapper json;
    private final Settings settings;
    private final byte[] expectedAuthorization;

    private PolicyServer(HttpServer http, ExecutorService executor, AgentService service, TraceWriter log, ObjectMapper json,
                         Settings settings) {
        this.http = http;
        this.executor = executor;
        this.service = service;
        this.log = log;
        this.json = json;
        this.settings = settings;
        this.expectedAuthorization = settings.token() == null ? null
                : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    }

    /** Starts serving {@code agent}. The time-out and TCP settings are the JVM's, fixed by the first server it starts. */
    public static PolicyServer start(ServedAgent agent, Settings settings) throws IOException {
        configureJdkServer(settings.timeoutSeconds());
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
        TraceWriter log = settings.log() == null ? null : TraceWriter.append(settings.log(), true);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
        } catch (IOException e) {
            if (log != null) {
                log.close();
            }
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "serve-" + agent.agentId());
            t.setDaemon(true);
            return t;
        });
        PolicyServer server = new PolicyServer(http, executor, new AgentService(agent, log, json), log, json, settings);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /**
     * The JDK server reads its limits from system properties once: a request (headers and body) must be read within the
     * time-out, a response written within it; idle keep-alive connections close after 30 s; TCP_NODELAY for latency.
     */
    private static void configureJdkServer(int timeoutSeconds) {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(timeoutSeconds));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(timeoutSeconds));
        System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "30");
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /** The port it listens on (useful when started on port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public Settings settings() {
        return settings;
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (BadRequest e) {
                error(exchange, 400, e.getMessage(), e.field());
            } catch (RuntimeException e) {
                LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                error(exchange, 500, "internal error: " + e.getClass().getSimpleName(), null);
            }
        } catch (IOException e) {
            LOG.debug("exchange ended early: {}", e.getMessage()); // the client went away or timed out
        }
    }

    private void route(HttpExchange exchange) throws IOException, BadRequest {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean post = switch (path) {
            case "/act", "/outcome" -> true;
            case "/policy", "/health" -> false;
            default -> {
                error(exchange, 404, "no such endpoint: " + path + " (endpoints: /act, /outcome, /policy, /health)", null);
                yield false;
            }
        };
        if (exchange.getResponseCode() != -1) {
            return;
        }
        if (!method.equals(post ? "POST" : "GET")) {
            exchange.getResponseHeaders().set("Allow", post ? "POST" : "GET");
            error(exchange, 405, path + " takes " + (post ? "POST" : "GET") + ", not " + method, null);
            return;
        }
        if (!path.equals("/health") && !authorised(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            error(exchange, 401, "missing or wrong bearer token (Authorization: Bearer <token>)", null);
            return;
        }
        switch (path) {
            case "/health" -> send(exchange, 200, service.health());
            case "/policy" -> send(exchange, 200, service.policy());
            case "/act" -> send(exchange, 200, service.act(body(exchange)));
            default -> {
                if (!service.logging()) {
                    error(exchange, 409, "this service keeps no trace: start it with --log FILE to record outcomes", null);
                    return;
                }
                send(exchange, 200, service.outcome(body(exchange)));
            }
        }
    }

    private boolean authorised(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the body, at most the cap: a larger one is refused without reading it all. */
    private JsonNode body(HttpExchange exchange) throws IOException, BadRequest {
        int cap = settings.maxBodyBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("", "Content-Length is not a number");
            }
            if (declared > cap) {
                exchange.getResponseHeaders().set("Connection", "close");
                throw new BadRequest("", "the body has " + declared + " bytes, more than the cap of " + cap);
            }
        }
        // not closed here: closing drains the rest, and the answer must go out first (the exchange's close does it)
        InputStream in = exchange.getRequestBody();
        byte[] bytes = in.readNBytes(cap + 1);
        if (bytes.length > cap) {
            exchange.getResponseHeaders().set("Connection", "close");
            throw new BadRequest("", "the body is larger than the cap of " + cap + " bytes");
        }
        if (bytes.length == 0) {
            throw new BadRequest("", "empty body: expected a JSON object");
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequest("", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void error(HttpExchange exchange, int status, String message, String field) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return; // a response is already under way: nothing more can be said on this exchange
        }
        ObjectNode body = json.createObjectNode();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        send(exchange, status, body);
    }

    /** Stops accepting, lets exchanges in progress finish (up to a second), and closes the decision log. */
    @Override
    public void close() throws IOException {
        http.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (log != null) {
            log.close();
        }
    }
}
