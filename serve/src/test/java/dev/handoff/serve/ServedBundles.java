package dev.handoff.serve;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a trained bundle of the synthetic ring, and a small HTTP client for a served agent. */
final class ServedBundles {
    private ServedBundles() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-workflows folder above the working directory");
        }
        return p;
    }

    static Workflow ring() throws Exception {
        return WorkflowLoading.loadValid(root().resolve("sample-workflows/synthetic-ring10.workflow.json"));
    }

    /** A tabular bundle of the ring trained for {@code handoffs} handoffs (seed 1), written to {@code dir}. */
    static Path ringBundle(Path dir, long handoffs) throws Exception {
        Workflow w = ring();
        SeedTrainer t = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 1, handoffs);
        t.runUntil(handoffs, null);
        return PolicyBundle.export(w, t, "test", dir, false);
    }

    /** A client of one running server. */
    record Client(HttpClient http, int port, String token) {
        static Client of(PolicyServer server) {
            return new Client(HttpClient.newHttpClient(), server.port(), null);
        }

        Client withToken(String t) {
            return new Client(http, port, t);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> send(HttpRequest r) throws Exception {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }
    }
}
