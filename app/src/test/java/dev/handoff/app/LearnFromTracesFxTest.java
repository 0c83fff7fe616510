package dev.handoff.app;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.train.Algorithm;
import dev.handoff.views.traces.TraceLearningViewModel;
import dev.handoff.views.traces.TraceLearningWindow;
import dev.handoff.workflow.Workflow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File ▸ Learn from traces in the real main window: a folder of the ring's agents' traces opens with one row per agent
 * and scalars on the edges, and Learn in dashboard opens the training dashboard learning from them, to the end, with
 * its curves and the learned scalars. With {@code -Dhandoff.screenshots=true} it also writes
 * {@code docs/learn-from-traces-open.png} (the traces) and {@code docs/learn-from-traces-dashboard.png} (the dashboard
 * once learning has ended).
 */
@ExtendWith(ApplicationExtension.class)
class LearnFromTracesFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/traces-" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, prefs);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    private static Path root() {
        return RecordedTraces.root();
    }

    private static void shoot(FxRobot robot, Stage stage, String name) throws Exception {
        if (!"true".equals(System.getProperty("handoff.screenshots"))) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = stage.getScene().snapshot(null));
        Path out = root().resolve("docs").resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(30_000);
    }

    private static void waitFor(TraceLearningViewModel vm, TraceLearningViewModel.State state) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stateProperty().get() == state);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensTracesShowsCountsAndScalarsAndLearns(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path file = root().resolve("sample-workflows/synthetic-ring10.workflow.json");
        Workflow uniform = RecordedTraces.uniformBehaviour(WorkflowLoading.loadValid(file));
        RecordedTraces.record(uniform, Algorithm.ICQ_TABULAR, 1, 100_000, tmp.resolve("traces"));
        System.setProperty("handoff.runs", tmp.resolve("runs").toString()); // the dashboard's run folders
        robot.interact(() -> window.open(file));
        TraceLearningWindow[] opened = new TraceLearningWindow[1];
        robot.interact(() -> opened[0] = window.openTraceLearning());
        Stage stage = opened[0].stage();
        TraceLearningViewModel vm = opened[0].view().viewModel();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1300);
            stage.setHeight(820);
            vm.open(tmp.resolve("traces"));
        });
        waitFor(vm, TraceLearningViewModel.State.OPEN);
        TableView<?> table = robot.lookup("#traces-agents").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(10);
        assertThat(opened[0].view().graph().edgeLabels()).isNotEmpty();
        assertThat(robot.lookup("#traces-folder").queryAs(Label.class).getText()).contains("100,000 handoffs");
        shoot(robot, stage, "learn-from-traces-open.png");

        robot.interact(() -> robot.lookup("#traces-learn").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        var dashboard = window.dashboard();
        assertThat(dashboard).as("Learn in dashboard opens the training dashboard").isNotNull();
        var run = dashboard.view().viewModel().run();
        assertThat(run.modeProperty().get()).isEqualTo(dev.handoff.train.live.TrainingMode.FROM_TRACES);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> run.stateProperty().get() == dev.handoff.train.RunState.FINISHED);
        Stage dash = dashboard.stage();
        robot.interact(() -> {
            dash.setX(0);
            dash.setY(0);
            dash.setWidth(1600);
            dash.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.notificationProperty().get()).startsWith("finished").contains("J* =");
        assertThat(dashboard.view().viewModel().curves().drainedWindows()).isPositive();
        Path learned = run.live().runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(learned.resolve("summary.json")).exists();
        assertThat(learned.resolve(dev.handoff.offline.OfflineLearning.REPORT)).exists();
        shoot(robot, dash, "learn-from-traces-dashboard.png");
        robot.interact(dash::close);
        robot.interact(stage::close);
    }
}
