package dev.handoff.trace;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader enforces exactly the rules of the documented JSON Schema (docs/trace.schema.json): on lines whose
 * workflow-specific parts are right, the schema and the reader accept and refuse the same lines; and every line a
 * simulator writes is valid against the schema.
 */
class TraceSchemaAgreementTest {
    private static Schema schema;
    private static TraceAgents agents;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(RecordedTraces.root().resolve("docs/trace.schema.json")));
        Workflow ring = RecordedTraces.sample("synthetic-ring10.workflow.json");
        agents = TraceAgents.of(ring, WorkflowLoading.kindOf(ring).create(ring));
    }

    private static List<Error> schemaErrors(String line) {
        return schema.validate(line, InputFormat.JSON,
                (Consumer<ExecutionContext>) c -> c.executionConfig(b -> b.formatAssertionsEnabled(true)));
    }

    private boolean readerAccepts(String line) throws Exception {
        Path f = tmp.resolve("one.jsonl");
        String decision = TraceReaderTest.D1.replace("\"h1\"", "\"before\"");
        // an outcome line needs its decision before it; a decision line is read on its own
        Files.writeString(f, (line.contains("\"outcome\"") ? decision.replace("before", "h1") + "\n" : "") + line + "\n");
        try {
            new TraceReader(agents, new HandoffIds()).read(f);
            return true;
        } catch (TraceFormatException e) {
            return false;
        }
    }

    @Test
    void schemaAndReaderAgreeLineByLine() throws Exception {
        String d = TraceReaderTest.D1;
        String o = TraceReaderTest.O1;
        List<String> corpus = new ArrayList<>(List.of(d, o, TraceReaderTest.D2, TraceReaderTest.O2,
                d.replace(",\"scalarSent\":4.5", ""),
                d.replace("\"action\":3", "\"action\":3,\"actionLabel\":\"thorough → a3\""),
                o.replace("\"reward\"", "\"time\":\"2026-05-01T12:00:02Z\",\"reward\""),
                // refused by both
                "{}", "[]", "7", "\"decision\"",
                d.replace("\"decision\"", "\"decided\""),
                d.replace("\"type\":\"decision\",", ""),
                d.replace("\"agent\":\"a1\",", ""),
                d.replace("\"handoffId\":\"h1\"", "\"handoffId\":\"\""),
                d.replace("\"handoffId\":\"h1\"", "\"handoffId\":17"),
                d.replace("\"time\":\"2026-05-01T12:00:00Z\",", ""),
                d.replace("2026-05-01T12:00:00Z", "2026-05-01 noon"),
                d.replace("2026-05-01T12:00:00Z", "2026-05-01T12:00:00"),
                d.replace("\"features\":{\"progress\":2},", ""),
                d.replace("{\"progress\":2}", "[2]"),
                d.replace("\"privateState\":1", "\"privateState\":-1"),
                d.replace("\"privateState\":1", "\"privateState\":1.5"),
                d.replace("\"action\":3", "\"action\":-1"),
                d.replace("\"action\":3", "\"action\":\"3\""),
                d.replace(",\"action\":3", ""),
                d.replace("\"scalarSent\":4.5", "\"scalarSent\":\"4.5\""),
                d.replace("\"scalarSent\":4.5", "\"scalarSent\":4.5,\"reward\":1"),
                d.replace("\"scalarSent\":4.5", "\"scalarSent\":4.5,\"extra\":true"),
                o.replace("\"outcome\"", "\"Outcome\""),
                o.replace("\"reward\":-0.2,", ""),
                o.replace("\"tau\":2", "\"tau\":0"),
                o.replace("\"tau\":2", "\"tau\":2.5"),
                o.replace(",\"nextHandoffId\":\"h2\"", ""),
                o.replace("\"nextHandoffId\":\"h2\"", "\"nextHandoffId\":\"\""),
                o.replace("\"nextHandoffId\":\"h2\"", "\"nextHandoffId\":2"),
                o.replace(",\"scalarReceived\":5.0", ""),
                o.replace("\"scalarReceived\":5.0", "\"scalarReceived\":null"),
                o.replace("\"reward\":-0.2", "\"reward\":-0.2,\"features\":{\"progress\":2}"),
                o.replace("\"reward\"", "\"time\":\"soon\",\"reward\"")));
        for (String line : corpus) {
            boolean bySchema = schemaErrors(line).isEmpty();
            assertThat(readerAccepts(line)).as("reader on %s (schema says %s: %s)", line, bySchema, schemaErrors(line))
                    .isEqualTo(bySchema);
        }
    }

    @Test
    void everyLineASimulatorWritesIsValid() throws Exception {
        Workflow gap = RecordedTraces.sample("synthetic-gap.workflow.json");
        RecordedTraces.record(gap, dev.handoff.train.Algorithm.ICQ_TABULAR, 3, 300, tmp.resolve("t"));
        int lines = 0;
        for (Path f : TraceSet.filesIn(tmp.resolve("t"))) {
            for (String line : Files.readAllLines(f)) {
                assertThat(schemaErrors(line)).as(line).isEmpty();
                lines++;
            }
        }
        assertThat(lines).isEqualTo(600);
    }
}
