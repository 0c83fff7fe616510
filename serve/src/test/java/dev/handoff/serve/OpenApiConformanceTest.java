package dev.handoff.serve;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server behaves as docs/serve.openapi.yaml says: exactly the documented paths and methods, each documented example
 * request answered with the documented status, and every response (successes and errors) valid against the schema
 * documented for its status.
 */
class OpenApiConformanceTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    private static JsonNode api;
    private static PolicyServer server;
    private static ServedBundles.Client client;
    private static final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        api = new YAMLMapper().readTree(Files.readString(ServedBundles.root().resolve("docs/serve.openapi.yaml")));
        Path bundle = ServedBundles.ringBundle(dir.resolve("bundle"), 20_000);
        server = PolicyServer.start(ServedAgent.load(bundle, "a1"), PolicyServer.Settings.local(0).withLog(dir.resolve("a1.jsonl")));
        client = ServedBundles.Client.of(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The schema documented for a path, method and status, as a JSON Schema 2020-12 document over the components. */
    private static Schema responseSchema(String path, String method, int status) {
        JsonNode response = api.get("paths").get(path).get(method).get("responses").get(Integer.toString(status));
        assertThat(response).as("%s %s documents status %d", method, path, status).isNotNull();
        if (response.has("$ref")) {
            String name = response.get("$ref").asString().substring("#/components/responses/".length());
            response = api.get("components").get("responses").get(name);
        }
        return schemaOf(response.get("content").get("application/json").get("schema"));
    }

    private static Schema schemaOf(JsonNode schema) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.set("$defs", api.get("components").get("schemas"));
        doc.setAll((ObjectNode) schema);
        String text = JSON.writeValueAsString(doc).replace("#/components/schemas/", "#/$defs/");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    private static void conforms(String path, String method, HttpResponse<String> r) {
        assertThat(responseSchema(path, method, r.statusCode()).validate(r.body(), InputFormat.JSON))
                .as("%s %s → %d %s", method, path, r.statusCode(), r.body()).isEmpty();
        checked.add(method + " " + path + " " + r.statusCode());
    }

    @Test
    void theServedPathsAndMethodsAreExactlyTheDocumentedOnes() throws Exception {
        TreeSet<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> p : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                documented.add(m.getKey().toUpperCase() + " " + p.getKey());
            }
        }
        assertThat(documented).containsExactly("GET /health", "GET /policy", "POST /act", "POST /outcome");
        for (String path : List.of("/health", "/policy", "/act", "/outcome")) {
            String method = documented.contains("GET " + path) ? "get" : "post";
            HttpResponse<String> wrong = method.equals("get") ? client.post(path, "{}") : client.get(path);
            assertThat(wrong.statusCode()).isEqualTo(405);
            conforms(path, method, wrong);
        }
        assertThat(client.get("/undocumented").statusCode()).isEqualTo(404);
    }

    @Test
    void documentedExamplesGetDocumentedAnswers() throws Exception {
        for (String path : List.of("/act", "/outcome")) {
            JsonNode example = api.get("paths").get(path).get("post").get("requestBody").get("content")
                    .get("application/json").get("example");
            assertThat(schemaOf(api.get("paths").get(path).get("post").get("requestBody").get("content")
                    .get("application/json").get("schema")).validate(example.toString(), InputFormat.JSON)).isEmpty();
            HttpResponse<String> r = client.post(path, example.toString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            conforms(path, "post", r);
        }
        conforms("/policy", "get", client.get("/policy"));
        conforms("/health", "get", client.get("/health"));
    }

    @Test
    void refusalsHaveTheDocumentedShape() throws Exception {
        conforms("/act", "post", client.post("/act", "{\"features\":{\"progress\":12},\"privateState\":0}"));
        conforms("/act", "post", client.post("/act", "not json"));
        conforms("/outcome", "post", client.post("/outcome", "{\"handoffId\":\"x\"}"));
        Path bundle = ServedBundles.ringBundle(dir.resolve("bundle2"), 1_000);
        try (PolicyServer guarded = PolicyServer.start(ServedAgent.load(bundle, "a1"), PolicyServer.Settings.local(0).withToken("t"))) {
            ServedBundles.Client c = ServedBundles.Client.of(guarded);
            conforms("/policy", "get", c.get("/policy"));
            conforms("/act", "post", c.post("/act", "{}"));
            conforms("/outcome", "post", c.withToken("t").post("/outcome", "{}"));
        }
        assertThat(checked).contains("get /policy 401", "post /act 400", "post /outcome 409");
    }
}
