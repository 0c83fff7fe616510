package dev.handoff.app;

import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

/** The JavaFX application: one main window on the workflow named on the command line (or a new one). */
public final class WorkbenchApplication extends Application {
    @Override
    public void start(Stage stage) {
        installErrorDialog(stage);
        Preferences prefs = Preferences.userNodeForPackage(WorkbenchApplication.class);
        MainWindow window = new MainWindow(stage, prefs);
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty() && !args.get(0).isBlank()) {
            Path file = Path.of(args.get(0));
            if (Files.isRegularFile(file)) {
                window.open(file);
            } else {
                window.status("No workflow at " + file + ": started a new one");
            }
        }
        stage.show();
    }

    /**
     * Every uncaught exception from now on, on the JavaFX thread (call this on it) or any other, is logged and shown
     * in one error dialog over {@code owner}.
     */
    static ErrorDialog installErrorDialog(Stage owner) {
        ErrorDialog dialog = new ErrorDialog(owner);
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialog::show).installForAllThreads();
        Thread.currentThread().setUncaughtExceptionHandler(handler);
        return dialog;
    }
}
