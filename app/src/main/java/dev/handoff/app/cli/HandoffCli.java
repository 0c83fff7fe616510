package dev.handoff.app.cli;

import dev.handoff.app.DataDirectory;
import dev.handoff.app.ErrorReport;
import dev.handoff.app.Logging;
import dev.handoff.app.UncaughtErrorHandler;
import dev.handoff.workflow.AppVersion;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless {@code handoff} command: the same engine as the workbench, for scripts and sweeps. Exit codes:
 * 0 success, 1 runtime failure, 2 invalid input (one line per problem, {@code path: message}).
 */
@Command(name = "handoff", mixinStandardHelpOptions = true, versionProvider = HandoffCli.Version.class,
        description = "Handoff Workbench, headless: validate workflows, train IC-Q, solve exactly.",
        subcommands = {ValidateCommand.class, TrainCommand.class, ExactCommand.class, NewCommand.class, ImportCommand.class, ExportCommand.class, EvaluateCommand.class, CpuReportCommand.class,
                SweepCommand.class,
                CommandLine.HelpCommand.class})
public final class HandoffCli {
    /** Exit code for invalid input (a malformed or invalid workflow, a bad option value). */
    public static final int INVALID_INPUT = 2;

    /**
     * Prints a workflow's problems to stderr, one {@code /json/path: message} line each ({@code file: message} for a
     * problem of the whole file); returns {@link #INVALID_INPUT}.
     */
    static int reportProblems(dev.handoff.workflow.WorkflowLoadException e) {
        printProblems(System.err, e.sourceName(), e.problems());
        return INVALID_INPUT;
    }

    /** One line per problem; a problem of the whole document is named after {@code source}, never with an empty path. */
    static void printProblems(java.io.PrintStream out, String source, java.util.List<dev.handoff.workflow.Problem> problems) {
        for (dev.handoff.workflow.Problem p : problems) {
            out.println(p.line(source));
        }
    }

    public static void main(String[] args) {
        Logging.configure(DataDirectory.logs(), "handoff", "INFO");
        new UncaughtErrorHandler(r -> System.err.println(failureLine(r))).installForAllThreads();
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The {@code handoff} command with its exit-code handlers: a failure prints one line (the stack trace goes to the
     * log file only) and exits 1; invalid options print the usage and exit {@link #INVALID_INPUT}.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HandoffCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            LoggerFactory.getLogger(Logging.ERRORS).error("handoff {} failed", String.join(" ", parsed.originalArgs()), ex);
            cmd.getErr().println(failureLine(ErrorReport.of(Thread.currentThread(), ex)));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args2) -> {
            ex.getCommandLine().getErr().println("handoff: " + ex.getMessage());
            // plain text: stderr may be a file or a pipe even when a terminal runs the command
            ex.getCommandLine().usage(ex.getCommandLine().getErr(), CommandLine.Help.Ansi.OFF);
            return INVALID_INPUT;
        });
        return cli;
    }

    /** "handoff: what failed", and for a programming error where its stack trace is. */
    static String failureLine(ErrorReport report) {
        String summary = report.summary();
        boolean internal = summary.startsWith("internal error");
        return "handoff: " + summary + (internal && report.logFile() != null ? " (stack trace in " + report.logFile() + ")" : "");
    }

    /** Prints the app version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.writtenBy()};
        }
    }
}
