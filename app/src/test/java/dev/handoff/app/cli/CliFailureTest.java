package dev.handoff.app.cli;

import dev.handoff.app.Logging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a CLI failure prints one line and exits 1; the stack trace is only in the log file
 * ({@code <data>/logs/handoff.log}).
 */
class CliFailureTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @AfterEach
    void backToTestLogging() {
        Logging.reset();
    }

    /** A command with a programming error in it, added to the real command line to reach its failure handler. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            List<String> none = null;
            return none.size();
        }
    }

    @Test
    void aProgrammingErrorIsOneLineOnStderrAndAStackTraceInTheLog(@TempDir Path data) throws Exception {
        Path log = Logging.configure(data.resolve("logs"), "handoff", "INFO");
        CommandLine cli = HandoffCli.commandLine();
        cli.addSubcommand("boom", new Boom());

        assertThat(cli.execute("boom")).isEqualTo(1);

        assertThat(console.stderr().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("handoff: internal error: NullPointerException")
                .endsWith("(stack trace in " + log + ")"));
        assertThat(console.stderr() + console.stdout()).doesNotContain("\tat ");
        String logged = Files.readString(log);
        assertThat(logged).contains("ERROR", "handoff boom failed", "java.lang.NullPointerException",
                "\tat dev.handoff.app.cli.CliFailureTest$Boom.call");
    }

    @Test
    void anUncaughtExceptionInAnotherThreadIsLoggedWithItsStackTrace(@TempDir Path data) throws Exception {
        Path log = Logging.configure(data.resolve("logs"), "handoff", "INFO");
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        var handler = new dev.handoff.app.UncaughtErrorHandler(r -> shown.add(HandoffCli.failureLine(r)));
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("trainer state broke");
        }, "handoff-trainer-7");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();

        assertThat(shown).containsExactly("handoff: internal error: IllegalStateException: trainer state broke (stack trace in "
                + log + ")");
        assertThat(Files.readString(log)).contains("Uncaught exception in thread handoff-trainer-7",
                "java.lang.IllegalStateException: trainer state broke", "\tat ");
    }

    /**
     * The real {@code main} in its own JVM: a failure at run time exits 1 with one line; the log is in the data folder.
     * (An export into a path under a file: {@code train} refuses such an {@code --out} up front, with exit 2.)
     */
    @Test
    void theRealCommandExitsOneWithOneLineAndLogsTheStackTrace(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertThat(HandoffCli.run("train", CliContractTest.samples().resolve("synthetic-ring10.workflow.json").toString(),
                "--handoffs", "1000", "--seeds", "1..1", "--out", run.toString())).isZero();
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        Path data = dir.resolve("data");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + dev.handoff.app.DataDirectory.PROPERTY + "=" + data,
                HandoffCli.class.getName(), "export", run.toString(), "--out", notAFolder.resolve("bundle").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(stderr.lines().toList()).singleElement()
                .satisfies(line -> assertThat(line).startsWith("handoff: ").contains(notAFolder.toString()));
        Path log = data.resolve("logs").resolve("handoff.log");
        assertThat(Files.readString(log)).contains("handoff export", "failed", "\tat ");
    }
}
