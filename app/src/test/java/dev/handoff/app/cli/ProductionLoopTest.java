package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.serve.PolicyServer;
import dev.handoff.serve.ServedAgent;
import dev.handoff.trace.TraceAgents;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's production loop, each step as a user runs it: train and export a bundle; one service per agent
 * (exploring, logging its own trace) driven by an orchestrator that passes work on and joins only handoff ids;
 * {@code handoff learn} from those traces; export the new bundle and {@code handoff serve} it.
 */
class ProductionLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private JsonNode lastLine() throws Exception {
        List<String> lines = console.stdout().lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static JsonNode post(HttpClient http, int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /**
     * Runs {@code handoffs} decisions of the workflow's simulator with every decision taken by the holder's service:
     * the orchestrator sends the holder its own features, then tells the previous holder its outcome with the scalar
     * the new holder answered.
     */
    private static void orchestrate(Workflow w, List<PolicyServer> services, long handoffs) throws Exception {
        HandoffEnvironment env = WorkflowLoading.kindOf(w).create(w);
        TraceAgents agents = TraceAgents.of(w, env);
        env.reset(new Rng(99));
        HttpClient http = HttpClient.newHttpClient();
        StepOutcome out = new StepOutcome();
        int previous = -1;
        String previousId = null;
        double previousReward = 0;
        int previousTau = 0;
        for (long k = 0; k < handoffs; k++) {
            int i = env.nextDecision();
            int z = env.viewKey();
            TraceAgents.Agent a = agents.agent(i);
            String id = "job-" + k;
            JsonNode answer = post(http, services.get(i).port(), "/act", "{\"handoffId\":\"" + id + "\",\"features\":"
                    + a.features().json(a.features().artifactOfView(z)) + ",\"privateState\":" + a.features().privateStateOfView(z) + "}");
            if (previous >= 0) {
                post(http, services.get(previous).port(), "/outcome", "{\"handoffId\":\"" + previousId + "\",\"reward\":"
                        + previousReward + ",\"tau\":" + previousTau + ",\"nextHandoffId\":\"" + id + "\",\"scalarReceived\":"
                        + answer.get("scalar").asDouble() + "}");
            }
            env.step(answer.get("action").asInt(), out);
            if (out.stopped()) {
                post(http, services.get(i).port(), "/outcome", "{\"handoffId\":\"" + id + "\",\"reward\":" + out.reward
                        + ",\"tau\":" + out.tau + ",\"nextHandoffId\":null,\"scalarReceived\":" + out.terminalReward + "}");
                previous = -1;
            } else {
                previous = i;
                previousId = id;
                previousReward = out.reward;
                previousTau = out.tau;
            }
        }
    }

    @Test
    void bundleToServicesToTracesToLearnToANewServedBundle() throws Exception {
        Path workflow = CliContractTest.samples().resolve("synthetic-ring10.workflow.json");
        Workflow w = WorkflowLoading.loadValid(workflow);
        // 1. a bundle from a short training run
        assertThat(HandoffCli.run("train", workflow.toString(), "--seed", "1", "--handoffs", "3000", "--out",
                dir.resolve("run1").toString())).isZero();
        double before = lastLine().get("meanReturn").asDouble();
        assertThat(HandoffCli.run("export", dir.resolve("run1").toString(), "--out", dir.resolve("bundle1").toString())).isZero();
        // 2. one service per agent, each exploring and logging its own trace
        List<PolicyServer> services = new ArrayList<>();
        try {
            for (var agent : w.agents()) {
                services.add(PolicyServer.start(ServedAgent.load(dir.resolve("bundle1"), agent.id()),
                        PolicyServer.Settings.local(0).withLog(dir.resolve("traces").resolve(agent.id() + ".jsonl")).withExplore(0.5)));
            }
            // 3. traces: production traffic through the services
            orchestrate(w, services, 6000);
        } finally {
            for (PolicyServer s : services) {
                s.close();
            }
        }
        // 4. learn from the traces alone
        assertThat(HandoffCli.run("learn", workflow.toString(), "--traces", dir.resolve("traces").toString(), "--out",
                dir.resolve("run2").toString())).as(console.stderr()).isZero();
        JsonNode learned = lastLine();
        // every handoff joined up, but the last one when its work was still with the next holder (no outcome yet)
        assertThat(learned.get("records").asLong()).isBetween(5999L, 6000L);
        assertThat(learned.get("converged").asBoolean()).isTrue();
        assertThat(learned.get("summary").get("meanReturn").asDouble()).as("learned J against the served bundle's")
                .isGreaterThan(before);
        // 5. export and serve the new bundle, as a user starts it
        assertThat(HandoffCli.run("export", dir.resolve("run2").toString(), "--out", dir.resolve("bundle2").toString())).isZero();
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HandoffCli.class.getName(), "serve", dir.resolve("bundle2").toString(),
                "--agent", "a3", "--port", "0", "--log", dir.resolve("new-a3.jsonl").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            JsonNode ready = JSON.readTree(stdout.readLine());
            assertThat(ready.get("agent").asText()).isEqualTo("a3");
            JsonNode answer = post(HttpClient.newHttpClient(), ready.get("port").asInt(), "/act",
                    "{\"handoffId\":\"new-1\",\"features\":{\"progress\":3},\"privateState\":0}");
            assertThat(answer.get("explored").asBoolean()).isFalse();
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook closes the server and its log
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readAllLines(dir.resolve("new-a3.jsonl"))).singleElement().asString().contains("\"handoffId\":\"new-1\"");
    }

    @Test
    void trainRecordsTracesThatLearnReadsAndBadTracesAreNamedByLine() throws Exception {
        Path workflow = CliContractTest.samples().resolve("synthetic-ring10.workflow.json");
        assertThat(HandoffCli.run("train", workflow.toString(), "--seed", "2", "--handoffs", "5000", "--traces",
                dir.resolve("t").toString())).isZero();
        assertThat(HandoffCli.run("train", workflow.toString(), "--seed", "2", "--handoffs", "5000", "--traces",
                dir.resolve("t").toString())).isEqualTo(2);
        assertThat(console.stderr()).contains("is not empty");
        assertThat(HandoffCli.run("learn", workflow.toString(), "--traces", dir.resolve("t").toString(), "--out",
                dir.resolve("run").toString())).isZero();
        assertThat(lastLine().get("records").asLong()).isEqualTo(5000);
        assertThat(Files.exists(dir.resolve("run/checkpoints/icq-tabular-seed1.ckpt"))).isTrue();
        Files.writeString(dir.resolve("blocker"), "a file, not a folder");
        assertThat(HandoffCli.run("learn", workflow.toString(), "--traces", dir.resolve("t").toString(), "--out",
                dir.resolve("blocker/run").toString())).isEqualTo(2); // --out cannot be made: said, nothing learned
        assertThat(console.stderr()).contains("handoff learn: ").contains("blocker");

        Path a1 = dir.resolve("t/a1.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(a1));
        lines.set(2, lines.get(2).replaceFirst("\"progress\":\\d", "\"progress\":7"));
        Files.write(a1, lines);
        assertThat(HandoffCli.run("learn", workflow.toString(), "--traces", a1 + "," + dir.resolve("t/a2.jsonl"), "--out",
                dir.resolve("run-bad").toString())).isEqualTo(2);
        assertThat(console.stderr()).contains(a1 + ":3: /features/progress: 7 is outside the feature's range [0, 5]");
        assertThat(HandoffCli.run("train", workflow.toString(), "--algo", "oracle", "--handoffs", "100", "--traces",
                dir.resolve("o").toString())).isEqualTo(2);
    }
}
