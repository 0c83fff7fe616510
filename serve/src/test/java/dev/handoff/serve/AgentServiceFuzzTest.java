package dev.handoff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile request bodies for {@code /act} and {@code /outcome}: each is answered or refused with a BadRequest naming a
 * JSON Pointer; nothing else escapes (a crash would be a 500).
 */
class AgentServiceFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static AgentService service;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("serve-fuzz");
        ServedAgent agent = ServedAgent.load(ServedBundles.ringBundle(dir.resolve("bundle"), 2_000), "a3");
        service = new AgentService(agent, dev.handoff.trace.TraceWriter.append(dir.resolve("a3.jsonl"), false), JSON, 0.1);
    }

    @AfterContainer
    static void clean() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 800)
    void everyBodyIsAnsweredOrRefusedByField(@ForAll("bodies") String body) throws Exception {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            return; // malformed JSON is refused by the server before the service sees it (PolicyServerTest)
        }
        for (boolean act : new boolean[] {true, false}) {
            try {
                JsonNode answer = act ? service.act(node) : service.outcome(node);
                assertThat(answer.has("handoffId")).isTrue();
            } catch (BadRequest e) {
                assertThat(e.field()).matches("^(|/.*)$");
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.integers().between(-3, 9).map(String::valueOf),
                Arbitraries.of("0.5", "1e308", "-1e400", "true", "null", "\"2\"", "[]", "{}", "\"\"", "3.0", "9999999999999",
                        "\"job-1\"", "{\"progress\":2}", "{\"progress\":\"x\"}", "{\"progress\":1,\"busy\":0}"));
        Arbitrary<String> key = Arbitraries.of("handoffId", "features", "privateState", "reward", "tau", "nextHandoffId",
                "scalarReceived", "progress", "difficulty", "", "\u0000", "handoffid");
        Arbitrary<String> pair = Combinators.combine(key, value).as((k, v) -> JSON.valueToTree(k).toString() + ":" + v);
        return pair.list().ofMaxSize(7).map(p -> "{" + String.join(",", p) + "}");
    }
}
