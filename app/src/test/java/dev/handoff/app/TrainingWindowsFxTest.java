package dev.handoff.app;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.train.RunState;
import dev.handoff.views.training.TrainingDashboardWindow;
import dev.handoff.workflow.WorkflowJson;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.2 and 19.3 in the real main window: Train opens the workflow's one dashboard and starts training; the
 * dashboard opens beside the editor where it was left, has a Window menu back to the editor, and closes with its
 * workflow — asking first while a run is going.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWindowsFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/training-windows-" + System.nanoTime());
    private MainWindow window;
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Platform.setImplicitExit(false);
        window = new MainWindow(stage, prefs);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @BeforeEach
    void runsInATemporaryFolder(FxRobot robot) throws Exception {
        // runs outside the @TempDir: a stopped run's threads may still be finishing its folder when a test ends
        System.setProperty("handoff.runs", Path.of(System.getProperty(DataDirectory.PROPERTY, dir.toString()), "runs").toString());
        Path ring = dir.resolve("ring10.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Ring", 10, 0.0, 0.1), ring);
        robot.interact(() -> window.open(ring));
    }

    @AfterEach
    void closeEverything(FxRobot robot) throws Exception {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage && w instanceof Stage)
                .forEach(w -> ((Stage) w).close()));
        prefs.removeNode();
    }

    private static List<Stage> dashboards() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                && s.getTitle().startsWith("Training · ")).map(w -> (Stage) w).toList();
    }

    private static dev.handoff.views.training.run.RunControlViewModel vm(TrainingDashboardWindow d) {
        return d.view().viewModel().run();
    }

    private MenuItem windowMenuItem(String id) {
        return window.editor().menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Train with the preference off, slowed right down, then Train again: a run that is going for a while. */
    private TrainingDashboardWindow slowRun(FxRobot robot) {
        robot.interact(() -> ((CheckMenuItem) windowMenuItem("menu-train-starts")).setSelected(false));
        robot.clickOn("#train");
        TrainingDashboardWindow d = window.dashboard();
        robot.interact(() -> vm(d).paceProperty().set(20));
        robot.interact(() -> ((CheckMenuItem) windowMenuItem("menu-train-starts")).setSelected(true));
        robot.interact(() -> stage.toFront());
        robot.clickOn(window.editor().trainButton());
        assertThat(vm(d).stateProperty().get()).isEqualTo(RunState.RUNNING);
        return d;
    }

    private Button dialogButton(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> text.equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no button \"" + text + "\""));
    }

    @Test
    void trainOpensTheDashboardBesideTheEditorAndStartsTraining(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        TrainingDashboardWindow d = window.dashboard();
        assertThat(d).isNotNull();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm(d).stateProperty().get() != RunState.READY);
        assertThat(vm(d).stateProperty().get()).isIn(RunState.RUNNING, RunState.FINISHED);
        assertThat(d.stage().getX()).isGreaterThan(stage.getX());
        assertThat(d.stage().getY()).isGreaterThan(stage.getY());
        assertThat(d.stage().getOwner()).as("not owned: the editor can come to the front").isNull();
        MenuBar bar = (MenuBar) d.stage().getScene().getRoot().lookup(".menu-bar");
        assertThat(bar.getMenus()).extracting(javafx.scene.control.Menu::getText).containsExactly("_Window");
    }

    @Test
    void withThePreferenceOffTrainOnlyOpensTheDashboard(FxRobot robot) {
        robot.interact(() -> ((CheckMenuItem) windowMenuItem("menu-train-starts")).setSelected(false));
        assertThat(prefs.getBoolean("train.startsAtOnce", true)).isFalse();
        robot.clickOn("#train");
        assertThat(vm(window.dashboard()).stateProperty().get()).isEqualTo(RunState.READY);
    }

    @Test
    void trainAgainReusesTheOneDashboard(FxRobot robot) {
        robot.clickOn("#train");
        TrainingDashboardWindow first = window.dashboard();
        robot.interact(() -> stage.toFront());
        robot.clickOn(window.editor().trainButton());
        assertThat(window.dashboard()).isSameAs(first);
        assertThat(dashboards()).hasSize(1);
    }

    @Test
    void openingAnotherWorkflowAsksWhileARunIsGoingThenClosesItsDashboard(FxRobot robot) throws Exception {
        TrainingDashboardWindow d = slowRun(robot);
        Path other = dir.resolve("gap.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Gap", 10, 1.0, 0.1), other);

        Platform.runLater(() -> window.open(other));
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().viewModel().document().document().name()).isEqualTo("Ring");
        assertThat(d.stage().isShowing()).isTrue();
        assertThat(vm(d).stateProperty().get()).isEqualTo(RunState.RUNNING);

        Platform.runLater(() -> window.open(other));
        robot.clickOn(dialogButton(robot, "Stop the run and close"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().viewModel().document().document().name()).isEqualTo("Gap");
        assertThat(d.stage().isShowing()).isFalse();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm(d).live().isClosed()); // the run was stopped
        assertThat(window.dashboard()).isNull();
        assertThat(dashboards()).isEmpty();
    }

    @Test
    void aFinishedRunsDashboardClosesWithItsWorkflowWithoutAsking(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        TrainingDashboardWindow d = window.dashboard();
        robot.interact(() -> vm(d).stop());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm(d).stateProperty().get().isTerminal()); // stopping takes a moment
        Path other = dir.resolve("gap.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Gap", 10, 1.0, 0.1), other);
        robot.interact(() -> window.open(other));
        assertThat(d.stage().isShowing()).isFalse();
        assertThat(dashboards()).isEmpty();
    }

    @Test
    void trainingAnEditedWorkflowAsksBeforeReplacingARunningDashboard(FxRobot robot) {
        TrainingDashboardWindow d = slowRun(robot);
        var doc = window.editor().viewModel().document();
        robot.interact(() -> doc.execute(dev.handoff.workflow.edit.DocumentEdits.setName(doc.document(), "Ring, edited")));
        Platform.runLater(() -> window.editor().trainButton().fire());
        robot.clickOn(dialogButton(robot, "Show the running one"));
        assertThat(window.dashboard()).isSameAs(d);
        assertThat(vm(d).stateProperty().get()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void theWindowMenuLeadsBackToTheEditorAndToTheDashboard(FxRobot robot) {
        robot.clickOn("#train");
        TrainingDashboardWindow d = window.dashboard();
        MenuBar bar = (MenuBar) d.stage().getScene().getRoot().lookup(".menu-bar");
        MenuItem toEditor = bar.getMenus().get(0).getItems().stream().filter(i -> "menu-window-editor".equals(i.getId()))
                .findFirst().orElseThrow();
        assertThat(toEditor.getAccelerator().getDisplayText()).isIn("Shift+Ctrl+E", "Ctrl+Shift+E", "⇧⌘E");
        robot.interact(toEditor::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFocused()).isTrue();
        robot.interact(() -> windowMenuItem("menu-window-dashboard").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(d.stage().isFocused()).isTrue();
    }

    @Test
    void theDashboardReopensWhereTheUserLeftIt(FxRobot robot) {
        robot.clickOn("#train");
        Stage first = window.dashboard().stage();
        robot.interact(() -> {
            window.dashboard().view().viewModel().run().stop();
            first.setX(300);
            first.setY(200);
            first.setWidth(1000);
            first.setHeight(700);
            first.close();
        });
        robot.interact(() -> stage.toFront());
        robot.clickOn(window.editor().trainButton());
        Stage again = window.dashboard().stage();
        assertThat(again).isNotSameAs(first);
        assertThat(List.of(again.getX(), again.getY(), again.getWidth(), again.getHeight()))
                .containsExactly(300.0, 200.0, 1000.0, 700.0);
    }

    @Test
    void closingTheEditorClosesTheDashboard(FxRobot robot) {
        robot.clickOn("#train");
        TrainingDashboardWindow d = window.dashboard();
        robot.interact(() -> vm(d).stop());
        robot.interact(stage::close);
        assertThat(d.stage().isShowing()).isFalse();
        robot.interact(stage::show);
    }
}
