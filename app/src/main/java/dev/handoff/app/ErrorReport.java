package dev.handoff.app;

import dev.handoff.workflow.AppVersion;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What went wrong, as a person reads it and as a bug report carries it: the exception, the thread it ended, when,
 * the versions involved and where the log file is.
 */
public record ErrorReport(Instant when, String thread, Throwable error, Path logFile) {

    public static ErrorReport of(Thread thread, Throwable error) {
        return new ErrorReport(Instant.now().truncatedTo(ChronoUnit.SECONDS), thread.getName(), error, Logging.logFile());
    }

    /**
     * One line: the message (its first line), prefixed with the exception's type when that is a programming error
     * rather than a failure with a message written for people.
     */
    public String summary() {
        String message = error.getMessage() == null ? "" : error.getMessage().strip().lines().findFirst().orElse("");
        boolean explained = !message.isEmpty() && (error instanceof java.io.IOException
                || error instanceof java.io.UncheckedIOException || error instanceof IllegalArgumentException);
        if (explained) {
            return message;
        }
        String type = error.getClass().getSimpleName();
        return "internal error: " + (message.isEmpty() ? type : type + ": " + message);
    }

    /** The whole report, to copy into a bug report. */
    public String text() {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        return "Handoff Workbench error report\n"
                + "time:    " + when + "\n"
                + "thread:  " + thread + "\n"
                + "version: " + AppVersion.writtenBy() + "\n"
                + "java:    " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "os:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "log:     " + (logFile == null ? "(no log file)" : logFile) + "\n\n"
                + stack;
    }
}
