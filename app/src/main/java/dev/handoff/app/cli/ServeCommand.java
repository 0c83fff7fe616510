package dev.handoff.app.cli;

import dev.handoff.policy.BundleException;
import dev.handoff.serve.PolicyServer;
import dev.handoff.serve.ServedAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code handoff serve BUNDLE --agent ID}: one agent's policy as an HTTP service until stopped (Ctrl-C or SIGTERM).
 * The last stdout line, printed once it listens, is one JSON object with the agent, the URL and the bundle hash.
 */
@Command(name = "serve", description = "Serve one agent's policy over HTTP (POST /act, POST /outcome, GET /policy, GET /health).")
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a policy bundle folder (handoff export)")
    Path bundle;

    @Option(names = "--agent", required = true, paramLabel = "ID", description = "the agent to serve (only its policy is loaded)")
    String agent;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port (0: any free one; default 8080)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to listen on (default 127.0.0.1)")
    String host;

    @Option(names = "--log", paramLabel = "FILE", description = "append every decision and outcome to this trace (JSON lines, flushed per line)")
    Path log;

    @Option(names = "--token-env", paramLabel = "VAR", description = "require 'Authorization: Bearer <value of VAR>' on all but /health")
    String tokenEnv;

    @Option(names = "--max-body", defaultValue = "65536", paramLabel = "BYTES", description = "request body cap (default 65536)")
    int maxBody;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "S", description = "seconds to read a request or write an answer (default 10)")
    int timeout;

    @Option(names = "--threads", defaultValue = "4", paramLabel = "K", description = "request threads (default 4)")
    int threads;

    @Option(names = "--explore", defaultValue = "0", paramLabel = "EPS",
            description = "answer a uniformly random action with probability EPS, so the traces cover other actions (default 0)")
    double explore;

    @Override
    public Integer call() throws Exception {
        String token = null;
        if (tokenEnv != null) {
            token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                System.err.println("--token-env: the environment variable " + tokenEnv + " is not set");
                return HandoffCli.INVALID_INPUT;
            }
        }
        PolicyServer.Settings settings;
        ServedAgent served;
        try {
            settings = new PolicyServer.Settings(host, port, maxBody, timeout, threads, token, log, explore);
            served = ServedAgent.load(bundle, agent);
        } catch (IllegalArgumentException | BundleException e) {
            System.err.println("handoff serve: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        PolicyServer server = PolicyServer.start(served, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException e) {
                System.err.println("handoff serve: closing: " + e.getMessage());
            }
            stopped.countDown();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String url = "http://" + host + ":" + server.port();
        System.err.println("serving agent " + agent + " (" + served.policy().learner() + ", " + served.policy().viewCount()
                + " views, " + served.policy().actionCount() + " actions) at " + url
                + (log != null ? ", logging to " + log : "") + (explore > 0 ? ", exploring with probability " + explore : "") + (token != null ? ", bearer token from " + tokenEnv : ""));
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("agent", agent);
        ready.put("url", url);
        ready.put("port", server.port());
        ready.put("bundleHash", served.bundleHash());
        ready.put("log", log == null ? null : log.toString());
        System.out.println(Json.line(ready));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
