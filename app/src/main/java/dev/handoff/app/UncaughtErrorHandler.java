package dev.handoff.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The last stop of every exception nobody caught, on the JavaFX thread or any other (trainers, savers, timers): the
 * full report goes to the log file, then the report is handed to {@code show} (the workbench's error dialog, or the
 * CLI's one line on stderr). A failure while showing never throws again.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger ERRORS = LoggerFactory.getLogger(Logging.ERRORS);
    private final Consumer<ErrorReport> show;

    public UncaughtErrorHandler(Consumer<ErrorReport> show) {
        this.show = show;
    }

    /** Makes this the handler of every thread that has none of its own (all threads the app starts). */
    public UncaughtErrorHandler installForAllThreads() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        return this;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        ErrorReport report = ErrorReport.of(thread, error);
        try {
            ERRORS.error("Uncaught exception in thread {}", thread.getName(), error);
        } catch (Throwable logFailed) { // NOPMD the log itself is broken: still show the report
            System.err.println("handoff: cannot write the log: " + logFailed);
        }
        try {
            show.accept(report);
        } catch (Throwable showFailed) {
            System.err.println("handoff: " + report.summary());
            try {
                ERRORS.error("Could not show that error", showFailed);
            } catch (Throwable logFailed) { // NOPMD nothing is left to tell
                System.err.println("handoff: and could not show it: " + showFailed);
            }
        }
    }
}
