package dev.handoff.views.training;

import atlantafx.base.theme.PrimerLight;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.charts.ChartPanel;
import dev.handoff.workflow.Workflow;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.5 on the real view (1260×780, the largest a headless test screen holds; the window opens at 1600×1000): before training each chart says what will appear there
 * instead of drawing empty axes; after training every chart plots, and each title is shown whole on one line.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardChartsFxTest {
    private TrainingDashboardView view;
    private TrainingDashboardViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Workflow w = DashboardFixtures.gap(150_000);
        vm = DashboardFixtures.dashboard(w, Files.createTempDirectory("dashboard-charts"));
        view = new TrainingDashboardView(vm);
        stage.setScene(new Scene(view, 1260, 780));
        stage.show();
    }

    /** The text the title label actually draws (an ellipsis when it does not fit). */
    private static String drawnTitle(ChartPanel p) {
        return ((Text) p.titleLabel().lookup(".text")).getText();
    }

    @Test
    void chartsSayPressTrainUntilThereIsDataThenPlotWithWholeTitles(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        for (ChartPanel p : view.charts()) {
            assertThat(p.showsEmptyState()).as(p.getId()).isTrue();
            assertThat(p.emptyMessage()).as(p.getId()).startsWith("Press Train (F5)");
        }
        robot.interact(() -> {
            vm.run().modeProperty().set(TrainingMode.COMPARE);
            vm.run().seedsProperty().set(2);
            vm.run().train();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.run().stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.charts().stream().noneMatch(ChartPanel::showsEmptyState));
        WaitForAsyncUtils.waitForFxEvents();
        for (ChartPanel p : view.charts()) {
            assertThat(TrainingDashboardView.itemCount(p)).as(p.getId()).isPositive();
            String title = p.titleLabel().getText();
            assertThat(drawnTitle(p)).as("title of %s drawn whole", p.getId()).isEqualTo(title);
            assertThat(p.titleLabel().getHeight()).as("%s title on one line", p.getId())
                    .isLessThan(2 * p.titleLabel().getFont().getSize() + 4);
        }
        assertThat(view.charts().get(2).titleLabel().getText()).isEqualTo("Error components of IC-Q");
    }
}
