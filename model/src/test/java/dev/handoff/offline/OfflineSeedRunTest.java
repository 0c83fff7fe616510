package dev.handoff.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.SeedRun;
import dev.handoff.train.TrainingSession;
import dev.handoff.train.TrainingWindow;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline IC-Q from traces as one more {@link SeedRun}: the same training session and live run as simulated training,
 * a round per window, the same tables as the rounds of {@link OfflineLearning#fit}.
 */
class OfflineSeedRunTest {
    private static final long HANDOFFS = 20_000;
    @TempDir
    static Path tmp;
    private static Workflow ring;
    private static EnvironmentKind kind;
    private static TraceSet traces;

    @BeforeAll
    static void record() throws Exception {
        ring = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-ring10.workflow.json"));
        kind = WorkflowLoading.kindOf(ring);
        RecordedTraces.record(ring, Algorithm.ICQ_TABULAR, 1, HANDOFFS, tmp.resolve("traces"));
        traces = TraceSet.read(ring, kind.create(ring), TraceSet.filesIn(tmp.resolve("traces")));
    }

    @Test
    void aSessionLearnsTheSameTablesAsTheRoundsOneWindowPerRound() throws Exception {
        OfflineTraces source = OfflineTraces.of(ring, kind, traces, OfflineLearning.Settings.DEFAULTS);
        List<TrainingWindow> windows = new ArrayList<>();
        TrainingSession session = TrainingSession.create(source.plan(ring, kind, 1));
        session.run().addListener(new dev.handoff.train.TrainingListener() {
            @Override
            public void onWindow(TrainingWindow w) {
                windows.add(w);
            }
        });
        TrainingSession.Result result = session.runToEnd(null);
        OfflineSeedRun run = (OfflineSeedRun) result.trainers().get(0);
        OfflineIcq rounds = OfflineLearning.fit(ring, kind.create(ring), traces, OfflineLearning.Settings.DEFAULTS, s -> { });

        assertThat(run.converged()).isTrue();
        assertThat(run.rounds()).isEqualTo(rounds.rounds()).isGreaterThan(1);
        var learned = (dev.handoff.train.LearnedAgents.Tables) run.learnedAgents();
        for (int i = 0; i < ring.agents().size(); i++) {
            double[] table = learned.learners().get(i).table();
            assertThat(table).containsExactly(rounds.table(i, table.length));
        }
        assertThat(run.handoffs()).isEqualTo(run.rounds() * HANDOFFS).isEqualTo(run.budget());
        assertThat(windows).hasSize(run.rounds());
        for (int r = 0; r < windows.size(); r++) {
            TrainingWindow w = windows.get(r);
            assertThat(w.handoffs()).isEqualTo((r + 1) * HANDOFFS);
            assertThat(Arrays.stream(w.decisionsByAgent()).sum()).isEqualTo(HANDOFFS);
            assertThat(Arrays.stream(w.scalarCountByEdge()).sum()).isBetween(HANDOFFS - 1, HANDOFFS); // at most one unjoined
            assertThat(w.episodesInWindow()).isZero();
        }
        assertThat(windows.get(0).meanAbsTdByAgent()[0]).isPositive(); // from Q = 0 the first round moves
        // at the fixed point the batch TD error is the spread of the targets around Q: it stops moving, it is not 0
        double[] last = windows.get(windows.size() - 1).meanAbsTdByAgent();
        double[] before = windows.get(windows.size() - 2).meanAbsTdByAgent();
        for (int i = 0; i < last.length; i++) {
            assertThat(last[i]).isPositive().isCloseTo(before[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        // the summary's greedy return is that of the learned tables, against the oracle
        var s = result.summary();
        assertThat(s.meanReturn()).isEqualTo(run.greedyReturn(session.model()));
        assertThat(s.oracleReturn()).isNotNull(); // within 1% of it at λ = 0: OfflineIcqTest
    }

    @Test
    void theLiveDashboardsRunLearnsFromTracesWithCurvesGreedyReturnsAndComponents(@TempDir Path runs) throws Exception {
        OfflineTraces source = OfflineTraces.of(ring, kind, traces, OfflineLearning.Settings.DEFAULTS);
        LiveTraining live = new LiveTraining(LiveTraining.Request.fromTraces(ring, kind, source, runs));
        live.start();
        long end = System.currentTimeMillis() + 60_000;
        while (!live.isClosed() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        assertThat(live.status().message()).contains("icq-tabular J =").contains("J* =");
        assertThat(live.status().handoffsDone()).isEqualTo(live.status().handoffsBudget()); // the fixed point ends it
        List<TrainingWindow> drained = new ArrayList<>();
        live.windows().drainTo(drained::add);
        assertThat(drained).isNotEmpty().allSatisfy(w -> assertThat(w.handoffs() % HANDOFFS).isZero());
        assertThat(live.greedyHistory()).isNotEmpty();
        List<Object> components = new ArrayList<>();
        live.components().drainTo(components::add);
        assertThat(components).isNotEmpty();

        Path dir = live.runFolders().get(Algorithm.ICQ_TABULAR);
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("finished");
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(1 + drained.size());
        JsonNode report = new ObjectMapper().readTree(dir.resolve(OfflineLearning.REPORT).toFile());
        assertThat(report.path("converged").asBoolean()).isTrue();
        assertThat(report.path("agents")).hasSize(10);
        assertThat(report.path("learnedEdgeScalars")).isNotEmpty();
        assertThat(live.summaries().get(0).meanReturn()).isFinite();
        assertThat(manifest.path("handoffs").asLong()).isEqualTo(live.status().handoffsDone()); // where the fixed point ended it
        // resuming would simulate from the tables and drop the rounds' rows: refused, saying what to do instead
        assertThatThrownBy(() -> LiveTraining.resume(dir, null, 1)).isInstanceOf(dev.handoff.train.RunFolderException.class)
                .hasMessageContaining("was learned from traces");
    }

    @Test
    void theFromTracesModeNeedsTracesAndOnlyItTakesThem() throws Exception {
        OfflineTraces source = OfflineTraces.of(ring, kind, traces, OfflineLearning.Settings.DEFAULTS);
        assertThatThrownBy(() -> new LiveTraining.Request(ring, kind, TrainingMode.FROM_TRACES, List.of(1L), 10, 1, null))
                .hasMessageContaining("File ▸ Learn from traces");
        assertThatThrownBy(() -> new LiveTraining.Request(ring, kind, TrainingMode.ICQ_TABULAR, List.of(1L), 10, 1, null, null,
                source)).hasMessageContaining("from traces");
        assertThatThrownBy(() -> dev.handoff.train.SeedRuns.create(ring, kind, Algorithm.ORACLE, 1, 10, null, source))
                .hasMessageContaining("only icq-tabular");
        try (SeedRun run = dev.handoff.train.SeedRuns.create(ring, kind, Algorithm.ICQ_TABULAR, 1, 10, null, source)) {
            assertThat(run).isInstanceOf(OfflineSeedRun.class);
            assertThatThrownBy(() -> run.recordHandoffs((agent, view, action, outcome, received, sent) -> { }))
                    .hasMessageContaining("records no new traces");
        }
    }

    @Test
    void twoTracesClaimingToHaveReceivedOneHandoffAreRefusedBeforeAnyLearning(@TempDir Path dir) throws Exception {
        for (Path f : TraceSet.filesIn(tmp.resolve("traces"))) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        String a1Id = idOf(Files.readAllLines(dir.resolve("a1.jsonl")).get(0));
        List<String> a0 = new ArrayList<>(Files.readAllLines(dir.resolve("a0.jsonl")));
        String a0Id = idOf(a0.get(0));
        for (int k = 0; k < a0.size(); k++) { // a0's first handoff now claims the id of a handoff a1 received
            a0.set(k, a0.get(k).replace("\"handoffId\":\"" + a0Id + "\"", "\"handoffId\":\"" + a1Id + "\""));
        }
        Files.write(dir.resolve("a0.jsonl"), a0);
        TraceSet claimed = TraceSet.read(ring, kind.create(ring), TraceSet.filesIn(dir));
        assertThatThrownBy(() -> OfflineTraces.of(ring, kind, claimed, OfflineLearning.Settings.DEFAULTS))
                .isInstanceOf(dev.handoff.trace.TraceFormatException.class)
                .satisfies(e -> assertThat(((dev.handoff.trace.TraceFormatException) e).problems()).singleElement().asString()
                        .isEqualTo("the traces of agents a0 and a1 both record receiving handoff \"" + a1Id
                                + "\": each handoff reaches one agent"));
    }

    @Test
    void withoutAnExactModelTheLiveRunSimulatesItsGreedyReturnEveryRound(@TempDir Path dir) throws Exception {
        Workflow math = RecordedTraces.sample("llm-math-mixtral-gpt4.workflow.json");
        EnvironmentKind mathKind = WorkflowLoading.kindOf(math);
        RecordedTraces.record(math, Algorithm.ICQ_TABULAR, 1, HANDOFFS, dir.resolve("traces"));
        OfflineTraces source = OfflineTraces.of(math, mathKind, TraceSet.read(math, mathKind.create(math),
                TraceSet.filesIn(dir.resolve("traces"))), OfflineLearning.Settings.DEFAULTS);
        LiveTraining live = new LiveTraining(LiveTraining.Request.fromTraces(math, mathKind, source, null));
        assertThat(live.hasExactModel()).isFalse();
        assertThat(live.simulatesGreedyReturn()).isTrue();
        live.start();
        long end = System.currentTimeMillis() + 60_000;
        while (!live.isClosed() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        List<dev.handoff.train.live.GreedyPoint> greedy = live.greedyHistory();
        assertThat(greedy).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.greedyReturn()).isFinite());
        // the curve ends where the run stopped, at the summary's own (simulated) greedy return
        var last = greedy.get(greedy.size() - 1);
        assertThat(last.handoffs()).isEqualTo(live.status().handoffsDone());
        assertThat(last.greedyReturn()).isEqualTo(live.summaries().get(0).meanReturn());
        assertThat(live.summaries().get(0).returnEvaluation()).isNotEqualTo(dev.handoff.train.GreedyReturn.EXACT);
    }

    private static String idOf(String line) {
        return line.replaceAll(".*\"handoffId\":\"([^\"]*)\".*", "$1");
    }
}
