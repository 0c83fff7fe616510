package dev.handoff.app;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.WorkflowJson;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The application shell: title with file and modified marker, menus named after the edit, theme remembered. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/window-" + System.nanoTime());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Platform.setImplicitExit(false);
        window = new MainWindow(stage, prefs);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    private MenuItem editMenuItem(String id) {
        return window.editor().menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void titleNamesTheFileAndMarksUnsavedChanges(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("ring10.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Ring", 10, 0.0, 0.1), file);
        robot.interact(() -> window.open(file));
        assertThat(stage.getTitle()).isEqualTo("Handoff Workbench — ring10.workflow.json");
        robot.clickOn("#auto-layout");
        assertThat(stage.getTitle()).isEqualTo("Handoff Workbench — ring10.workflow.json *");
        assertThat(editMenuItem("menu-undo").getText()).isEqualTo("Undo Auto-layout");
        assertThat(new RecentFiles(prefs).files()).containsExactly(file.toAbsolutePath().normalize());
    }

    @Test
    void saveKeepsTheLastVersionAsBakAndAFailedSaveSaysWhyAndKeepsTheFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("ring10.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Ring", 10, 0.0, 0.1), file);
        String original = java.nio.file.Files.readString(file);
        robot.interact(() -> window.open(file));
        robot.clickOn("#auto-layout");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(stage.getTitle()).isEqualTo("Handoff Workbench — ring10.workflow.json");
        assertThat(java.nio.file.Files.readString(dir.resolve("ring10.workflow.json.bak"))).isEqualTo(original);
        String saved = java.nio.file.Files.readString(file);

        // a non-empty folder where the backup goes makes the save fail even for root (tests run as root here)
        java.nio.file.Files.delete(dir.resolve("ring10.workflow.json.bak"));
        java.nio.file.Files.createDirectories(dir.resolve("ring10.workflow.json.bak/keep"));
        robot.clickOn("#add-agent");
        javafx.application.Platform.runLater(() -> editMenuItem("menu-save").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Could not save ring10.workflow.json").tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().contains("The file on disk is unchanged")).tryQuery()).isPresent();
        robot.clickOn("OK");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(saved);
        assertThat(stage.getTitle()).endsWith(" *");
        assertThat(window.editor().viewModel().document().document().agents()).hasSize(11);
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) {
        robot.clickOn("#add-agent");
        assertThat(window.editor().viewModel().document().isModified()).isTrue();
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Save changes to the untitled workflow?").tryQuery()).isPresent();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();

        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        // a close request that MainWindow lets through is not consumed, so the window closes
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void policiesMenuOpensEvaluateModeOnASnapshotOfTheOpenWorkflow(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("ring10.workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("Ring", 10, 0.0, 0.1), file);
        robot.interact(() -> window.open(file));
        assertThat(editMenuItem("menu-evaluate-canvas").getText()).isEqualTo("_Evaluate bundle on canvas…");
        robot.interact(() -> window.openEvaluation());
        var evaluation = window.evaluation();
        assertThat(evaluation.stage().isShowing()).isTrue();
        assertThat(evaluation.stage().getTitle()).isEqualTo("Evaluate · Ring");
        assertThat(evaluation.view().viewModel().workflow().agents()).hasSize(10);
        assertThat(evaluation.view().viewModel().stateProperty().get())
                .isEqualTo(dev.handoff.views.evaluate.EvaluationViewModel.State.EMPTY);
        robot.interact(() -> evaluation.stage().close());
    }

    @Test
    void theDarkThemeChoiceIsRemembered(FxRobot robot) {
        CheckMenuItem dark = window.editor().viewMenu().getItems().stream()
                .filter(i -> i instanceof CheckMenuItem).map(i -> (CheckMenuItem) i).findFirst().orElseThrow();
        assertThat(dark.isSelected()).isFalse();
        robot.interact(() -> dark.setSelected(true));
        assertThat(prefs.getBoolean(ThemePreference.KEY, false)).isTrue();
        robot.interact(() -> dark.setSelected(false));
        assertThat(prefs.getBoolean(ThemePreference.KEY, true)).isFalse();
        robot.clickOn("#theme-toggle");
        assertThat(dark.isSelected()).isTrue();
        assertThat(prefs.getBoolean(ThemePreference.KEY, false)).isTrue();
        robot.clickOn("#theme-toggle");
    }
}
