package dev.handoff.trace;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One agent's trace read and checked line by line: the format, the workflow, and the join of decisions and outcomes. */
class TraceReaderTest {
    private static Workflow ring;
    private static TraceAgents agents;

    @TempDir
    Path tmp;

    static final String D1 = "{\"type\":\"decision\",\"agent\":\"a1\",\"handoffId\":\"h1\",\"time\":\"2026-05-01T12:00:00Z\","
            + "\"features\":{\"progress\":2},\"privateState\":1,\"action\":3,\"scalarSent\":4.5}";
    static final String O1 = "{\"type\":\"outcome\",\"agent\":\"a1\",\"handoffId\":\"h1\",\"reward\":-0.2,\"tau\":2,"
            + "\"nextHandoffId\":\"h2\",\"scalarReceived\":5.0}";
    static final String D2 = "{\"type\":\"decision\",\"agent\":\"a1\",\"handoffId\":\"h7\",\"time\":\"2026-05-01T12:00:01.5+02:00\","
            + "\"features\":{\"progress\":4},\"privateState\":0,\"action\":5}";
    static final String O2 = "{\"type\":\"outcome\",\"agent\":\"a1\",\"handoffId\":\"h7\",\"time\":\"2026-05-01T12:00:03Z\","
            + "\"reward\":-0.1,\"tau\":1,\"nextHandoffId\":null,\"scalarReceived\":10}";

    @BeforeAll
    static void load() throws Exception {
        ring = RecordedTraces.sample("synthetic-ring10.workflow.json");
        agents = TraceAgents.of(ring, WorkflowLoading.kindOf(ring).create(ring));
    }

    private Path file(String... lines) throws Exception {
        Path f = tmp.resolve("a1.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private AgentTrace read(Path f) throws Exception {
        return new TraceReader(agents, new HandoffIds()).read(f);
    }

    private List<String> problems(String... lines) throws Exception {
        Path f = file(lines);
        try {
            read(f);
        } catch (TraceFormatException e) {
            return e.problems().stream().map(p -> p.substring(f.toString().length() + 1)).toList();
        }
        throw new AssertionError("accepted " + List.of(lines));
    }

    @Test
    void joinsEachDecisionWithItsOutcomeThroughTheHandoffId() throws Exception {
        HandoffIds ids = new HandoffIds();
        AgentTrace t = new TraceReader(agents, ids).read(file(D1, D2, "", O1, O2));
        assertThat(t.agentId()).isEqualTo("a1");
        assertThat(t.agentIndex()).isEqualTo(1);
        assertThat(t.size()).isEqualTo(2);
        int view = agents.agent("a1").features().map().key(new double[] {2, 0}, 1);
        assertThat(t.view(0)).isEqualTo(view);
        assertThat(t.action(0)).isEqualTo(3);
        assertThat(t.reward(0)).isEqualTo(-0.2);
        assertThat(t.tau(0)).isEqualTo(2);
        assertThat(ids.name(t.handoff(0))).isEqualTo("h1");
        assertThat(ids.name(t.next(0))).isEqualTo("h2");
        assertThat(t.next(1)).isEqualTo(-1);
        assertThat(t.scalarReceived(1)).isEqualTo(10.0);
    }

    @Test
    void decisionsWithoutOutcomesArePendingAndOutcomesWithoutDecisionsAreOrphans() throws Exception {
        AgentTrace t = read(file(D1, O2));
        assertThat(t.size()).isZero();
        assertThat(t.pendingDecisions()).isEqualTo(1);
        assertThat(t.orphanOutcomes()).isEqualTo(1);
    }

    @Test
    void everyProblemNamesTheLineAndTheField() throws Exception {
        assertThat(problems(D1, "{\"type\":\"decision\"")).singleElement().asString().startsWith("2: malformed JSON");
        assertThat(problems(D1 + " {}")).singleElement().asString().startsWith("1: malformed JSON");
        assertThat(problems("[1]")).containsExactly("1: expected a JSON object (one trace record per line)");
        assertThat(problems(D1.replace("decision", "decide"))).containsExactly("1: /type: expected \"decision\" or \"outcome\", got \"decide\"");
        assertThat(problems(D1.replace("\"action\"", "\"acton\""))).singleElement().asString()
                .startsWith("1: /acton: not a field of a decision record; did you mean \"action\"?");
        assertThat(problems(D1.replace("\"progress\":2", "\"progress\":9")))
                .containsExactly("1: /features/progress: 9 is outside the feature's range [0, 5]");
        assertThat(problems(D1.replace("\"progress\":2", "\"progress\":2,\"difficulty\":1"))).singleElement().asString()
                .startsWith("1: /features/difficulty: agent a1 does not see this feature");
        assertThat(problems(D1.replace(",\"privateState\":1", ""))).singleElement().asString().startsWith("1: /privateState: missing");
        assertThat(problems(D1.replace("\"action\":3", "\"action\":6")))
                .containsExactly("1: /action: 6 is not an action of agent a1 (it has 6: 0..5)");
        assertThat(problems(D1.replace("2026-05-01T12:00:00Z", "yesterday"))).singleElement().asString()
                .startsWith("1: /time: expected an RFC 3339 date-time");
        assertThat(problems(D1.replace("a1", "a11"))).singleElement().asString().startsWith("1: /agent: no agent \"a11\" in the workflow");
        assertThat(problems(D1, D1)).containsExactly("2: /handoffId: handoff \"h1\" was already decided at line 1");
        assertThat(problems(D1, O1, O1)).containsExactly("3: /handoffId: the outcome of handoff \"h1\" was already given at line 2");
        assertThat(problems(D1, D2.replace("\"a1\"", "\"a3\""))).singleElement().asString()
                .startsWith("2: /agent: a trace file holds one agent's records");
        assertThat(problems(D1, O1.replace("\"tau\":2", "\"tau\":0"))).containsExactly("2: /tau: expected the option's duration, an integer ≥ 1");
        assertThat(problems(D1, O1.replace(",\"nextHandoffId\":\"h2\"", ""))).singleElement().asString()
                .startsWith("2: /nextHandoffId: missing");
        assertThat(problems(D1, O1.replace("\"reward\":-0.2", "\"reward\":\"-0.2\""))).containsExactly("2: /reward: expected a finite number");
        assertThat(problems(D1, O1.replace("\"scalarReceived\":5.0", "\"scalarReceived\":1e999")))
                .containsExactly("2: /scalarReceived: expected a finite number");
        assertThat(problems(D1.replace("h1", "h".repeat(TraceFormat.MAX_ID_LENGTH + 1)))).singleElement().asString()
                .startsWith("1: /handoffId: expected 1 to 200 characters");
    }

    @Test
    void aLineOverTheCapIsReportedWithoutBeingKept() throws Exception {
        String huge = "{\"type\":\"decision\",\"pad\":\"" + "x".repeat(TraceFormat.MAX_LINE_LENGTH * 3) + "\"}";
        assertThat(problems(D1, huge, O1)).containsExactly("2: line longer than 65536 characters");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        Path f = tmp.resolve("a1.jsonl");
        byte[] bad = (D1 + "\n").getBytes(StandardCharsets.UTF_8);
        bad[40] = (byte) 0xC3;
        bad[41] = (byte) 0x28;
        Files.write(f, bad);
        assertThatThrownBy(() -> read(f)).isInstanceOf(TraceFormatException.class).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void problemsStopAtTheCap() throws Exception {
        String[] lines = new String[50];
        java.util.Arrays.fill(lines, "nonsense");
        assertThat(problems(lines)).hasSize(TraceFormat.MAX_PROBLEMS);
    }

    @Test
    void anEmptyFileHasNoAgent() throws Exception {
        assertThatThrownBy(() -> read(file(""))).hasMessageContaining("no records");
    }
}
