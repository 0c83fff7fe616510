package dev.handoff.trace;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.workflow.Workflow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile trace files: whatever the bytes, the reader either returns a trace or refuses with line-numbered problems;
 * it never throws anything else and never reports a problem without its file and line.
 */
class TraceReaderFuzzTest {
    private static TraceAgents agents;
    private static final String[] GOOD = {TraceReaderTest.D1, TraceReaderTest.O1, TraceReaderTest.D2, TraceReaderTest.O2};

    @BeforeContainer
    static void load() throws Exception {
        Workflow ring = RecordedTraces.sample("synthetic-ring10.workflow.json");
        agents = TraceAgents.of(ring, WorkflowLoading.kindOf(ring).create(ring));
    }

    private static void readsOrRefusesCleanly(byte[] content) throws Exception {
        Path f = Files.createTempFile("fuzz", ".jsonl");
        try {
            Files.write(f, content);
            try {
                AgentTrace t = new TraceReader(agents, new HandoffIds()).read(f);
                assertThat(t.size()).isBetween(0, content.length);
            } catch (TraceFormatException e) {
                assertThat(e.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(TraceFormat.MAX_PROBLEMS)
                        .allMatch(p -> p.startsWith(f.toString()));
                assertThat(e.problems()).allMatch(p -> p.substring(f.toString().length()).matches("^(:\\d+: .+|: no records.*)"));
            }
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 300)
    void arbitraryBytes(@ForAll("bytes") byte[] content) throws Exception {
        readsOrRefusesCleanly(content);
    }

    @Property(tries = 500)
    void mutatedGoodLines(@ForAll("mutatedFiles") String content) throws Exception {
        readsOrRefusesCleanly(content.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    @Provide
    Arbitrary<String> mutatedFiles() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(GOOD), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 30), Arbitraries.strings().ofMaxLength(12)
                        .withChars("{}[]\":,0123456789-.eEtrufalsn \\u00e9\u2192"))
                .as((good, at, cut, insert) -> {
                    int p = Math.min(at, good.length());
                    int q = Math.min(good.length(), p + cut);
                    return good.substring(0, p) + insert + good.substring(q);
                });
        return line.list().ofMinSize(1).ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 50)
    void goodLinesInAnyOrderNeverCrash(@ForAll("shuffled") List<String> lines) throws Exception {
        readsOrRefusesCleanly(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<String>> shuffled() {
        return Arbitraries.of(GOOD).list().ofMaxSize(10);
    }
}
