package dev.handoff.views.training;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.OfflineLearning;
import dev.handoff.offline.OfflineTraces;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.curves.ErrorComponent;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.drainUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learn from traces in the live dashboard (issue 15): the same run control, curves, greedy return against the oracle,
 * error components, edge scalars, runs list and bundle export as a simulated run, a round per window.
 */
class DashboardFromTracesTest {
    private static final long RECORDS = 20_000;

    @Test
    void theDashboardLearnsFromTracesAndShowsItLikeAnyRun(@TempDir Path tmp) throws Exception {
        Workflow ring = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-ring10.workflow.json"));
        var kind = WorkflowLoading.kindOf(ring);
        RecordedTraces.record(ring, Algorithm.ICQ_TABULAR, 1, RECORDS, tmp.resolve("traces"));
        OfflineTraces traces = OfflineTraces.of(ring, kind, TraceSet.read(ring, kind.create(ring),
                TraceSet.filesIn(tmp.resolve("traces"))), OfflineLearning.Settings.DEFAULTS);
        TrainingDashboardViewModel vm = dashboard(ring, tmp.resolve("runs"));

        vm.run().learnFrom(traces);
        assertThat(vm.run().modeProperty().get()).isEqualTo(TrainingMode.FROM_TRACES);
        assertThat(vm.run().tracesProperty().get()).isSameAs(traces);
        drainUntil(vm, () -> vm.run().stateProperty().get().isTerminal());

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.run().notificationProperty().get()).startsWith("finished").contains("J* =");
        long rounds = vm.curves().drainedWindows();
        assertThat(rounds).isGreaterThan(1);
        // progress counts the handoffs replayed: every record once a round, and the fixed point ends the budget
        assertThat(vm.run().progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.run().statusTextProperty().get()).contains("Finished");
        assertThat(vm.curves().greedyReturn(Algorithm.ICQ_TABULAR).get(1L).size()).isPositive();
        assertThat(vm.run().oracleReturn()).isNotNull();
        assertThat(vm.curves().componentReadings(Algorithm.ICQ_TABULAR)).isPositive();
        assertThat(vm.curves().closureHolds(Algorithm.ICQ_TABULAR)).isTrue();
        assertThat(vm.curves().componentBand(Algorithm.ICQ_TABULAR, ErrorComponent.TOTAL).size()).isPositive();
        assertThat(vm.curves().tdBand(0).size()).isEqualTo((int) rounds);
        long onEdges = 0;
        for (int e = 0; e < vm.trained().edgeCount(); e++) {
            onEdges += vm.activity().edgeRecentCount(e);
            if (vm.activity().edgeRecentCount(e) > 0) {
                assertThat(vm.activity().edgeRecentMean(e)).isFinite();
            }
        }
        assertThat(onEdges).isBetween(RECORDS - 1, RECORDS); // the last round's scalars, one per joined record
        assertThat(vm.focus().policyTable(0)).hasSize(vm.trained().viewCount(0));

        // the Runs panel lists it, and its policy exports as a bundle
        assertThat(vm.runs().runs()).singleElement().satisfies(r -> assertThat(r.meanReturn()).isFinite());
        Path runDir = vm.run().live().runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(runDir.resolve(OfflineLearning.REPORT)).exists();
        var choice = vm.policies().exportChoices().get(0);
        Path bundle = vm.policies().exportPolicies(choice, tmp.resolve("bundle"), false);
        assertThat(Files.list(bundle).count()).isPositive();
    }

    @Test
    void withoutAnExactModelTheReturnChartShowsTheSimulatedGreedyReturn(@TempDir Path tmp) throws Exception {
        Workflow math = RecordedTraces.sample("llm-math-mixtral-gpt4.workflow.json");
        var kind = WorkflowLoading.kindOf(math);
        RecordedTraces.record(math, Algorithm.ICQ_TABULAR, 1, RECORDS, tmp.resolve("traces"));
        OfflineTraces traces = OfflineTraces.of(math, kind, TraceSet.read(math, kind.create(math),
                TraceSet.filesIn(tmp.resolve("traces"))), OfflineLearning.Settings.DEFAULTS);
        TrainingDashboardViewModel vm = dashboard(math, tmp.resolve("runs"));
        vm.run().learnFrom(traces);
        drainUntil(vm, () -> vm.run().stateProperty().get().isTerminal());

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.run().showsGreedyReturn()).isFalse();
        assertThat(vm.run().simulatesGreedyReturn()).isTrue();
        assertThat(vm.curves().returnCurves(Algorithm.ICQ_TABULAR).get(1L).size()).isGreaterThan(1);
        assertThat(vm.curves().trainingReturn(Algorithm.ICQ_TABULAR).get(1L).lastY()).isNaN(); // no episode is played
        var chart = new dev.handoff.views.training.charts.ReturnChart(vm.curves(), vm.run(), vm.runs()).content();
        assertThat(chart.title()).isEqualTo("Greedy return J (simulated)");
    }
}
