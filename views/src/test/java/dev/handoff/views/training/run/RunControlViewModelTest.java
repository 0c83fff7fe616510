package dev.handoff.views.training.run;

import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.views.training.charts.ChartContent;
import dev.handoff.views.training.charts.ReturnChart;
import dev.handoff.views.training.curves.ErrorView;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.drainUntil;
import static dev.handoff.views.training.DashboardFixtures.gap;
import static dev.handoff.views.training.DashboardFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** Run control: Train when the kind cannot compare, divergence, Step and Episode, Resume of a saved run. */
class RunControlViewModelTest {
    @Test
    void kindWithoutJointStateDefaultsToIcqAndCompareSaysWhyItCannotStart() throws Exception {
        Workflow w = sample("routing-6x6");
        TrainingDashboardViewModel vm = dashboard(w, null);
        assertThat(vm.run().modeProperty().get()).isEqualTo(TrainingMode.ICQ_TABULAR);
        assertThat(vm.curves().errorViewProperty().get()).isEqualTo(ErrorView.TD_ERROR);
        vm.run().modeProperty().set(TrainingMode.COMPARE);
        vm.run().train();
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(vm.run().notificationProperty().get()).contains("Cannot train").contains("oracle").contains("another learner");
        assertThat(vm.run().live()).isNull();

        vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.run().seedsProperty().set(1);
        TrainingDashboardViewModel small = new TrainingDashboardViewModel(w.withTraining(w.training().withHandoffs(
                3L * vm.trained().window())), WorkflowLoading.kindOf(w), null);
        small.run().seedsProperty().set(1);
        small.run().train();
        drainUntil(small, () -> small.run().stateProperty().get() == RunState.FINISHED);
        assertThat(small.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(small.run().showsGreedyReturn()).isFalse(); // no finite model: the return chart shows training returns
        assertThat(small.curves().returnCurves(Algorithm.ICQ_TABULAR).get(1L).size()).isEqualTo(3);
        assertThat(small.run().oracleReturn()).isNull();
        // issue 19.7: one seed has no confidence interval, and the banner and the return chart say so
        assertThat(small.run().notificationProperty().get()).contains("icq-tabular J = ").contains("(n = 1, no interval)")
                .doesNotContain("±");
        ChartContent returns = new ReturnChart(small.curves(), small.run(), small.runs()).content();
        assertThat(returns.detail()).startsWith("1 seed: no interval");
        assertThat(returns.layers().get(0).data().getSeriesKey(0)).isEqualTo("IC-Q (1 seed)");
    }

    @Test
    void divergentRunPausesAndTheNotificationSaysWhere() throws Exception {
        Workflow base = gap(2_000_000);
        Workflow w = base.withTraining(base.training().withStepSize(StepSizeSpec.constant(1.9)).withGamma(0.999));
        TrainingDashboardViewModel vm = dashboard(w, null);
        vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.run().seedsProperty().set(1);
        vm.run().train();
        drainUntil(vm, () -> vm.run().stateProperty().get() == RunState.DIVERGED);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.DIVERGED);
        assertThat(vm.run().notificationProperty().get()).contains("training paused").contains("icq-tabular, seed 1")
                .contains("TD error");
        assertThat(vm.run().runningProperty().get()).isFalse();
        vm.run().stop();
    }

    @Test
    void stepAdvancesEverySeedByOneHandoffAndStepEpisodeUntilStop(@TempDir Path runs) throws Exception {
        Workflow w = gap(300_000);
        TrainingDashboardViewModel vm = dashboard(w, runs);
        vm.run().modeProperty().set(TrainingMode.COMPARE);
        vm.run().seedsProperty().set(3);
        vm.run().step(1);
        drainUntil(vm, () -> vm.run().live().status().handoffsDone() == 9);
        assertThat(vm.run().live().status().handoffsDone()).isEqualTo(9);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.PAUSED);
        assertThat(vm.activity().holder()).isBetween(0, vm.trained().agentCount() - 1);
        vm.run().stepEpisode();
        drainUntil(vm, () -> vm.run().live().lastEpisodeStep() != null);
        assertThat(vm.run().live().lastEpisodeStep().reachedStop()).isTrue();
        assertThat(vm.run().live().status().handoffsDone()).isEqualTo(9 * (1 + vm.run().live().lastEpisodeStep().handoffs()));
        vm.run().stop();
        drainUntil(vm, () -> vm.run().live().isClosed());
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.CANCELLED);
        assertThat(vm.runs().runs()).hasSize(3).allSatisfy(r -> assertThat(r.status()).startsWith("cancelled"));
    }

    @Test
    void runPausedAndStoppedMidwayThenResumedInTheDashboardEndsWithTheUninterruptedCliCheckpoints(@TempDir Path runs,
                                                                                                  @TempDir Path cli) throws Exception {
        long budget = 10_000_000;
        Workflow w = gap(budget);
        var kind = WorkflowLoading.kindOf(w);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, kind, runs);
        vm.run().modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.run().seedsProperty().set(2);
        vm.run().train();
        vm.run().pause();
        LiveTraining first = vm.run().live();
        drainUntil(vm, () -> first.pauseCheckpoints() == 1);
        assertThat(first.pauseCheckpoints()).isEqualTo(1);
        vm.run().stop();
        drainUntil(vm, first::isClosed);
        assertThat(first.trainers().get(0).handoffs()).isLessThan(budget);
        vm.run().reset();
        assertThat(vm.runs().runs()).hasSize(1);

        assertThat(vm.runs().resume(vm.runs().runs().get(0), null)).isTrue();
        assertThat(vm.run().live()).isNotSameAs(first);
        drainUntil(vm, () -> vm.run().stateProperty().get() == RunState.FINISHED);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        Path dir = vm.run().live().runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(dir).isEqualTo(vm.runs().runs().get(0).dir());

        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_TABULAR,
                List.of(1L, 2L), budget, 2), cli, null);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_TABULAR, seed)));
        }
        // a run is going: resuming another is refused with a reason
        vm.run().train();
        assertThat(vm.runs().resume(vm.runs().runs().get(0), null)).isFalse();
        assertThat(vm.run().notificationProperty().get()).contains("Stop the current run");
        LiveTraining third = vm.run().live();
        vm.run().stop();
        drainUntil(vm, third::isClosed); // its folder is written before the temporary directory goes
    }
}
