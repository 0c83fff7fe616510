package dev.handoff.views.traces;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.train.Algorithm;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** File ▸ Learn from traces, as its view-model: open a folder of traces, see counts and edge scalars, hand them to the dashboard. No screen. */
class TraceLearningViewModelTest {
    @TempDir
    Path tmp;
    private Workflow ring;
    private TraceLearningViewModel vm;
    private final java.util.List<dev.handoff.offline.OfflineTraces> handedToDashboard = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ring = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-ring10.workflow.json"));
        vm = new TraceLearningViewModel(ring, WorkflowLoading.kindOf(ring), new dev.handoff.views.task.DirectTaskExecutor(),
                handedToDashboard::add);
    }

    private Path record(long handoffs) throws Exception {
        RecordedTraces.record(ring, Algorithm.ICQ_TABULAR, 1, handoffs, tmp.resolve("traces"));
        return tmp.resolve("traces");
    }

    @Test
    void openingAFolderShowsEachAgentsCountsAndTheScalarsOnTheEdges() throws Exception {
        vm.open(record(20_000));
        assertThat(vm.stateProperty().get()).isEqualTo(TraceLearningViewModel.State.OPEN);
        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.rows().stream().mapToLong(TraceLearningViewModel.AgentRow::handoffs).sum()).isEqualTo(20_000);
        assertThat(vm.rows().get(0).file()).isEqualTo("a0.jsonl");
        assertThat(vm.folderTextProperty().get()).contains("20,000 handoffs from 10 agents' traces");
        long onEdges = 0;
        for (int e = 0; e < ring.handoffs().size(); e++) {
            onEdges += vm.edgeRecentCount(e);
            if (vm.edgeRecentCount(e) > 0) {
                assertThat(vm.edgeRecentMean(e)).isFinite();
            }
        }
        assertThat(onEdges).isEqualTo(20_000);
        int stopEdge = -1;
        for (int e = 0; e < ring.handoffs().size(); e++) {
            if (ring.handoffs().get(e).to().equals(HandoffSpec.STOP)) {
                stopEdge = e;
            }
        }
        assertThat(vm.edgeRecentCount(stopEdge)).isPositive();
        assertThat(vm.activity(0)).isBetween(0.0, 1.0);
        assertThat(vm.revisionProperty().get()).isPositive();
    }

    @Test
    void learningHandsTheOpenTracesToTheDashboard() throws Exception {
        vm.learn();
        assertThat(handedToDashboard).isEmpty(); // nothing open yet
        vm.open(record(20_000));
        assertThat(vm.canLearn()).isTrue();
        vm.learn();
        assertThat(handedToDashboard).singleElement().isSameAs(vm.traces());
        assertThat(vm.traces().records()).isEqualTo(20_000);
    }

    @Test
    void tracesThatDoNotFitAreExplainedLineByLine() throws Exception {
        Path dir = record(200);
        Path a2 = dir.resolve("a2.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(a2));
        lines.set(0, lines.get(0).replace("\"action\":", "\"acton\":"));
        Files.write(a2, lines);
        vm.open(dir);
        assertThat(vm.stateProperty().get()).isEqualTo(TraceLearningViewModel.State.FAILED);
        assertThat(vm.errorTextProperty().get()).contains("do not fit this workflow");
        assertThat(vm.problems()).singleElement().asString().endsWith("a2.jsonl:1: /acton: not a field of a decision record; did you mean \"action\"?");
        vm.open(tmp.resolve("nothing-here"));
        assertThat(vm.problems()).singleElement().asString().contains("is not a folder");
    }
}
