package dev.handoff.app;

import javafx.application.Application;

/**
 * The workbench's main class. It does not extend {@link Application}: on a classpath launch JavaFX refuses a main
 * class that does ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    /** Opens the workbench; the first argument, if any, is the workflow file to open. */
    public static void main(String[] args) {
        Logging.configure(DataDirectory.logs(), "workbench", "WARN");
        // until the window is up (WorkbenchApplication installs the error dialog), an uncaught error is one line
        new UncaughtErrorHandler(r -> System.err.println("workbench: " + r.summary())).installForAllThreads();
        Application.launch(WorkbenchApplication.class, args);
    }
}
