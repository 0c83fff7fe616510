package dev.handoff.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The error dialog's view-model: one dialog gathers every error until it is closed; the report is complete. */
class ErrorReportsTest {
    private static ErrorReport report(String thread, Throwable t) {
        return new ErrorReport(Instant.parse("2026-01-02T03:04:05Z"), thread, t, Path.of("/data/logs/workbench.log"));
    }

    @Test
    void aProgrammingErrorIsNamedByItsTypeAndAnExplainedFailureByItsMessage() {
        assertThat(report("main", new NullPointerException()).summary()).isEqualTo("internal error: NullPointerException");
        assertThat(report("main", new IllegalStateException("closed\nmore")).summary())
                .isEqualTo("internal error: IllegalStateException: closed");
        assertThat(report("main", new IOException("disk full")).summary()).isEqualTo("disk full");
    }

    @Test
    void theReportCarriesThreadVersionsLogAndStackTrace() {
        String text = report("handoff-trainer-0", new IllegalStateException("boom")).text();
        assertThat(text).contains("thread:  handoff-trainer-0", "time:    2026-01-02T03:04:05Z", "version: Handoff Workbench",
                "java:    " + System.getProperty("java.version"), "log:     /data/logs/workbench.log",
                "java.lang.IllegalStateException: boom", "\tat dev.handoff.app.ErrorReportsTest");
    }

    @Test
    void errorsWhileTheDialogIsOpenJoinItAndClosingStartsAfresh() {
        ErrorReports vm = new ErrorReports();
        vm.add(report("JavaFX Application Thread", new NullPointerException("a")));
        assertThat(vm.headlineProperty().get()).isEqualTo("Unexpected error: internal error: NullPointerException: a");
        vm.add(report("handoff-trainer-1", new IllegalStateException("b")));
        assertThat(vm.countProperty().get()).isEqualTo(2);
        assertThat(vm.headlineProperty().get())
                .isEqualTo("2 unexpected errors (the last: internal error: IllegalStateException: b)");
        assertThat(vm.textProperty().get()).contains("JavaFX Application Thread", "NullPointerException: a",
                "handoff-trainer-1", "IllegalStateException: b");
        vm.clear();
        assertThat(vm.countProperty().get()).isZero();
        assertThat(vm.textProperty().get()).isEmpty();
    }
}
