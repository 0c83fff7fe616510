package dev.handoff.app;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: an exception nobody caught, on the JavaFX thread or a background thread, shows one dialog with a
 * copyable report and is written to the log file; the window and its document stay.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogFxTest {
    private Stage stage;
    private Thread.UncaughtExceptionHandler fxHandlerBefore;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("the editor")), 600, 400));
        stage.show();
    }

    @AfterEach
    void uninstall(FxRobot robot) {
        Thread.setDefaultUncaughtExceptionHandler(null);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore));
        Logging.reset();
    }

    @Test
    void errorsOnTheFxThreadAndATrainerThreadShowOneCopyableReportAndAreLogged(FxRobot robot, @TempDir Path data)
            throws Exception {
        Path log = Logging.configure(data.resolve("logs"), "workbench", "WARN");
        ErrorDialog[] dialog = new ErrorDialog[1];
        robot.interact(() -> dialog[0] = WorkbenchApplication.installErrorDialog(stage));

        Platform.runLater(() -> {
            throw new IllegalStateException("thrown by an event handler");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog[0].alert() != null && dialog[0].alert().isShowing());
        Thread trainer = new Thread(() -> {
            throw new ArithmeticException("thrown by a trainer");
        }, "handoff-trainer-0");
        trainer.start();
        trainer.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialog[0].reports().countProperty().get() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        TextArea report = (TextArea) dialog[0].alert().getDialogPane().lookup("#error-report");
        assertThat(report.getText()).contains("thread:  JavaFX Application Thread",
                "java.lang.IllegalStateException: thrown by an event handler", "thread:  handoff-trainer-0",
                "java.lang.ArithmeticException: thrown by a trainer", "log:     " + log);
        assertThat(dialog[0].alert().getHeaderText()).startsWith("2 unexpected errors");
        assertThat(javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "Handoff Workbench: unexpected error".equals(s.getTitle())).count()).isEqualTo(1);

        robot.interact(() -> ((Button) dialog[0].alert().getDialogPane().lookupButton(ErrorDialog.COPY)).fire());
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(report.getText());
        assertThat(dialog[0].alert().isShowing()).as("copying keeps the dialog open").isTrue();

        assertThat(Files.readString(log)).contains("Uncaught exception in thread JavaFX Application Thread",
                "Uncaught exception in thread handoff-trainer-0", "\tat ");
        robot.interact(() -> dialog[0].alert().close());
        assertThat(dialog[0].reports().countProperty().get()).isZero();
        assertThat(stage.isShowing()).isTrue();
    }
}
