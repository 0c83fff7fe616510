package dev.handoff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.observe.InterfaceFeatures;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.policy.BundleException;
import dev.handoff.trace.AgentTrace;
import dev.handoff.trace.HandoffIds;
import dev.handoff.trace.TraceAgents;
import dev.handoff.trace.TraceReader;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One agent's policy served over HTTP, as a client sees it: answers, refusals, token, log and time-out. */
class PolicyServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path bundle;

    @TempDir
    Path tmp;
    private PolicyServer server;

    @BeforeAll
    static void train() throws Exception {
        bundle = ServedBundles.ringBundle(shared.resolve("bundle"), 200_000);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ServedBundles.Client serve(String agent, PolicyServer.Settings settings) throws Exception {
        server = PolicyServer.start(ServedAgent.load(bundle, agent), settings);
        return ServedBundles.Client.of(server);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void actAnswersWhatThePolicyDoesAtEveryView() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        AgentPolicy policy = AgentPolicy.load(bundle.resolve("agents/a3.json"));
        InterfaceFeatures features = policy.interfaceFeatures();
        for (int z = 0; z < policy.viewCount(); z++) {
            String body = "{\"handoffId\":\"job-" + z + "\",\"features\":" + features.json(features.artifactOfView(z))
                    + ",\"privateState\":" + features.privateStateOfView(z) + "}";
            HttpResponse<String> r = client.post("/act", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode answer = json(r);
            int action = policy.actOnView(z);
            assertThat(answer.get("action").asInt()).isEqualTo(action);
            assertThat(answer.get("actionLabel").asText()).isEqualTo(policy.actionLabel(action));
            assertThat(answer.get("handoffId").asText()).isEqualTo("job-" + z);
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < policy.actionCount(); a++) {
                assertThat(answer.get("q").get(a).asDouble()).isEqualTo(policy.q(z, a));
                max = Math.max(max, policy.q(z, a));
            }
            assertThat(answer.get("scalar").asDouble()).isEqualTo(max);
            assertThat(answer.get("view").asText()).isEqualTo(policy.interfaceMap().describe(z));
        }
        JsonNode made = json(client.post("/act", "{\"features\":{\"progress\":1},\"privateState\":0}"));
        assertThat(made.get("handoffId").asText()).startsWith("a3-");
    }

    @Test
    void policyDescribesOnlyThisAgentsInterfaceAndActions() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        JsonNode p = json(client.get("/policy"));
        assertThat(p.get("agent").asText()).isEqualTo("a3");
        assertThat(p.get("interface").get("features")).hasSize(1);
        assertThat(p.get("interface").get("features").get(0).get("name").asText()).isEqualTo("progress");
        assertThat(p.get("interface").get("privateState").get("name").asText()).isEqualTo("busy");
        assertThat(p.get("actions")).hasSize(6);
        assertThat(p.get("bundleHash").asText()).hasSize(64);
        assertThat(p.toString()).doesNotContain("difficulty");
        assertThat(json(client.get("/health")).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void refusesToServeAnAgentTheBundleLacks() {
        assertThatThrownBy(() -> ServedAgent.load(bundle, "a12")).isInstanceOf(BundleException.class)
                .hasMessageContaining("no agent \"a12\"").hasMessageContaining("a0, a1");
    }

    @Test
    void badRequestsGet400NamingTheFieldAndTheServerCarriesOn() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        String[][] cases = {
                {"{\"privateState\":0}", "/features", "missing"},
                {"{\"features\":{},\"privateState\":0}", "/features/progress", "missing"},
                {"{\"features\":{\"progress\":\"3\"},\"privateState\":0}", "/features/progress", "expected an integer"},
                {"{\"features\":{\"progress\":9},\"privateState\":0}", "/features/progress", "outside the feature's range"},
                {"{\"features\":{\"progress\":2,\"difficulty\":1},\"privateState\":0}", "/features/difficulty", "does not see"},
                {"{\"features\":{\"progress\":2}}", "/privateState", "missing"},
                {"{\"features\":{\"progress\":2},\"privateState\":2}", "/privateState", "outside busy's values 0..1"},
                {"{\"features\":{\"progress\":2},\"privateState\":0,\"handoffid\":\"x\"}", "/handoffid", "did you mean"},
                {"{\"features\":{\"progress\":2},\"privateState\":0,\"handoffId\":7}", "/handoffId", "expected a string"},
                {"{\"features\":{\"progress\":2},\"privateState\":0", "", "malformed JSON"},
                {"{\"features\":{\"progress\":2},\"privateState\":0} {}", "", "malformed JSON"},
                {"{\"features\":{\"progress\":2},\"features\":{\"progress\":3},\"privateState\":0}", "", "Duplicate field"},
                {"[1,2]", "", "expected a JSON object"},
                {"", "", "empty body"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = client.post("/act", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode e = json(r);
            assertThat(e.get("field").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(e.get("error").asText()).as(c[0]).contains(c[2]);
        }
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aTenMegabyteBodyIsRefusedWithoutBeingRead() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        // Raw sockets, so that the refusal is seen whatever the client would do with a connection the server closes
        // while a body is still arriving (an HTTP client sending all 10 MB may meet a reset instead of the answer).
        // A declared 10 MB body is refused from its header alone: not one byte of it is sent.
        String declared = rawPost(server.port(), "Content-Length: " + (10 * 1024 * 1024) + "\r\n", new byte[0]);
        assertThat(declared).startsWith("HTTP/1.1 400");
        assertThat(declared).contains("more than the cap of 65536");
        // a body with no declared length (chunked) is cut at the cap: the server reads cap + 1 bytes and refuses. One
        // byte over, so that nothing is left unread when the server closes (unread bytes would make it reset the line)
        byte[] over = new byte[65536 + 1];
        java.util.Arrays.fill(over, (byte) ' ');
        HttpResponse<String> r = client.send(client.request("/act").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(over))).build());
        assertThat(r.statusCode()).isEqualTo(400);
        String chunked = json(r).get("error").asText();
        assertThat(chunked).contains("larger than the cap");
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
    }

    /** Sends a POST /act head and {@code body}, half-closes, and returns everything the server answered. */
    private static String rawPost(int port, String lengthHeader, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /act HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + lengthHeader
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wrongPathsAndMethodsAreNamed() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        assertThat(client.get("/actions").statusCode()).isEqualTo(404);
        assertThat(client.get("/act").statusCode()).isEqualTo(405);
        assertThat(client.get("/act").headers().firstValue("Allow")).contains("POST");
        assertThat(client.post("/health", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void aBearerTokenGuardsEverythingButHealth() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0).withToken("s3cret"));
        assertThat(client.get("/policy").statusCode()).isEqualTo(401);
        assertThat(client.withToken("wrong").get("/policy").statusCode()).isEqualTo(401);
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        assertThat(client.withToken("s3cret").get("/policy").statusCode()).isEqualTo(200);
        assertThat(client.withToken("s3cret").post("/act", "{\"features\":{\"progress\":1},\"privateState\":0}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLogIsTheAgentsTraceFlushedLineByLine() throws Exception {
        Path log = tmp.resolve("a3.jsonl");
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0).withLog(log));
        assertThat(client.post("/act", "{\"handoffId\":\"h1\",\"features\":{\"progress\":2},\"privateState\":1}").statusCode())
                .isEqualTo(200);
        assertThat(Files.readAllLines(log)).hasSize(1); // on disk before the server closes
        HttpResponse<String> o = client.post("/outcome",
                "{\"handoffId\":\"h1\",\"reward\":-0.3,\"tau\":3,\"nextHandoffId\":\"h2\",\"scalarReceived\":6.5}");
        assertThat(o.statusCode()).as(o.body()).isEqualTo(200);
        assertThat(client.post("/outcome", "{\"handoffId\":\"h1\",\"reward\":-0.3,\"tau\":0,\"nextHandoffId\":null,"
                + "\"scalarReceived\":1}").statusCode()).isEqualTo(400);
        assertThat(Files.readAllLines(log)).hasSize(2);
        server.close();
        server = null;
        Workflow w = ServedBundles.ring();
        AgentTrace t = new TraceReader(TraceAgents.of(w, WorkflowLoading.kindOf(w).create(w)), new HandoffIds()).read(log);
        assertThat(t.agentId()).isEqualTo("a3");
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.tau(0)).isEqualTo(3);
        assertThat(t.scalarReceived(0)).isEqualTo(6.5);
    }

    @Test
    void outcomesNeedALog() throws Exception {
        ServedBundles.Client client = serve("a3", PolicyServer.Settings.local(0));
        assertThat(client.post("/outcome", "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void aRequestThatStallsIsCutOffAtTheTimeOut() throws Exception {
        serve("a3", PolicyServer.Settings.local(0));
        int timeout = server.settings().timeoutSeconds();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((timeout + 10) * 1000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /act HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"feat").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            InputStream in = s.getInputStream();
            byte[] rest = in.readAllBytes(); // ends when the server closes the connection
            double waited = (System.nanoTime() - t0) / 1e9;
            assertThat(waited).isBetween(timeout - 1.0, timeout + 5.0);
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
        assertThat(ServedBundles.Client.of(server).get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void manyClientsAtOnceGetConsistentAnswers() throws Exception {
        ServedBundles.Client client = serve("a5", PolicyServer.Settings.local(0));
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new java.util.ArrayList<>();
        for (int k = 0; k < 200; k++) {
            all.add(client.http().sendAsync(client.request("/act").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"features\":{\"progress\":" + (k % 6) + "},\"privateState\":" + (k % 2) + "}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        AgentPolicy policy = AgentPolicy.load(bundle.resolve("agents/a5.json"));
        for (int k = 0; k < all.size(); k++) {
            HttpResponse<String> r = all.get(k).get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("action").asInt()).isEqualTo(policy.act(new double[] {k % 6, 0}, k % 2));
        }
    }
}
