package dev.handoff.views.training;

import atlantafx.base.theme.PrimerLight;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.charts.ChartPanel;
import dev.handoff.workflow.Workflow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard driven through its buttons: train a sample for a few seconds, pause, look, resume, stop. */
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardFxTest {
    private TrainingDashboardView view;
    private TrainingDashboardViewModel vm;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runs = Files.createTempDirectory("dashboard-runs");
        Workflow w = WorkflowLoading.loadValid(DashboardFixtures.repoRoot()
                .resolve("sample-workflows/synthetic-gap.workflow.json"));
        // a budget the run cannot finish within the test, so Pause always finds it running
        w = w.withTraining(w.training().withHandoffs(150_000_000L));
        vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        view = new TrainingDashboardView(vm);
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds (the charts and canvas belong to that thread). */
    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.currentTimeMillis() + 180_000; // generous: the build machine is shared
        while (System.currentTimeMillis() < end) {
            if (onFx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out; state " + vm.run().stateProperty().get() + ", " + vm.run().statusTextProperty().get()
                + ", windows drained " + vm.curves().drainedWindows() + ", return points " + onFx(() -> TrainingDashboardView.itemCount(view.charts().get(0)))
                + ", edge labels " + onFx(() -> view.graph().edgeLabels().size()));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void trainPauseInspectResumeAndStop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.COMPARE);
            vm.run().seedsProperty().set(2);
        });
        robot.clickOn("#dash-train");
        waitFor(() -> vm.run().stateProperty().get() == RunState.RUNNING);
        Thread.sleep(3_000);
        waitFor(() -> TrainingDashboardView.itemCount(view.charts().get(0)) > 0 && !view.graph().edgeLabels().isEmpty()
                && TrainingDashboardView.itemCount(view.charts().get(2)) > 0);
        robot.clickOn("#dash-pause");
        waitFor(() -> vm.run().stateProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // one more timer tick drains what the last chunk wrote
        WaitForAsyncUtils.waitForFxEvents();

        long paused = vm.run().live().status().handoffsDone();
        for (ChartPanel p : view.charts()) {
            assertThat(TrainingDashboardView.itemCount(p)).as(p.getId()).isPositive();
        }
        assertThat(TrainingDashboardView.seriesKeys(view.charts().get(0)))
                .contains("IC-Q (mean ± 95% CI)", "oracle (mean ± 95% CI)", "independent (mean ± 95% CI)");
        assertThat(view.charts().get(0).chart().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
        assertThat(view.graph().edgeLabels()).isNotEmpty().allSatisfy(l -> assertThat(l).matches(".+ → .+: -?\\d+\\.\\d\\d \\(.+\\)"));
        assertThat(view.charts().get(2).csv().lines().count()).isGreaterThan(1);
        // exact kind: the error chart shows IC-Q's error components with the closure check in its caption
        assertThat(TrainingDashboardView.seriesKeys(view.charts().get(2)))
                .containsExactly("total", "sum of parts", "interface gap", "mixing residual");
        assertThat(view.charts().get(2).caption()).contains("Error components of IC-Q").contains("total ≤ sum of parts ✓");
        Thread.sleep(300);
        assertThat(vm.run().live().status().handoffsDone()).isEqualTo(paused);

        // clicking an agent opens its policy table
        robot.interact(() -> vm.focus().selectAgent(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.policyTable().getItems()).hasSize(vm.trained().viewCount(2));
        assertThat(view.charts().get(3).caption()).contains(vm.workflow().agents().get(2).id());
        // its context menu exports the seed the table shows: IC-Q's first seed
        // (Monocle does not turn a right click into a context-menu request: show it as that request would)
        robot.interact(() -> view.policyTable().getContextMenu().show(view.policyTable(), javafx.geometry.Side.TOP, 20, 40));
        waitFor(() -> view.policyTable().getContextMenu().isShowing());
        assertThat(onFx(() -> view.policyTable().getContextMenu().getItems().get(0).getText()))
                .isEqualTo("Export this seed's policies (IC-Q, seed 1)…");
        robot.interact(() -> view.policyTable().getContextMenu().hide());

        robot.clickOn("#dash-train");
        waitFor(() -> vm.run().live().status().handoffsDone() > paused);
        // greedy J is evaluated every budget/150 handoffs per seed after the first: on a loaded machine the run may
        // not have reached a second evaluation yet, and a curve needs two points
        waitFor(() -> vm.run().algorithms().stream().allMatch(a -> vm.curves().greedyReturn(a).values().stream()
                .allMatch(b -> b.size() >= 2) && vm.curves().greedyReturn(a).size() == 2));
        robot.clickOn("#dash-stop");
        waitFor(() -> vm.run().stateProperty().get() == RunState.CANCELLED);
        assertThat(vm.run().notificationProperty().get()).startsWith("stopped");
        waitFor(() -> vm.runs().runs().size() == 3);
        // a stopped run keeps its greedy curve: selecting the three runs in the Runs panel overlays three dotted curves
        robot.interact(() -> ((javafx.scene.control.ListView<?>) robot.lookup("#dash-runs").query()).getSelectionModel().selectAll());
        waitFor(() -> {
            org.jfree.data.xy.XYDataset past = view.charts().get(0).chart().getXYPlot().getDataset(2);
            return past != null && past.getSeriesCount() == 3 && past.getItemCount(0) >= 2;
        });
    }
}
