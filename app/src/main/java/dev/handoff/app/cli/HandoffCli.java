package dev.handoff.app.cli;

import dev.handoff.app.DataDirectory;
import dev.handoff.app.ErrorReport;
import dev.handoff.app.Logging;
import dev.handoff.app.UncaughtErrorHandler;
import dev.handoff.workflow.AppVersion;
import org.slf4j.LoggerFactory;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headless {@code handoff} command: the same engine as the workbench, for scripts and sweeps. Exit codes:
 * 0 success, 1 runtime failure, 2 invalid input. Every command prints its problems and warnings on stderr (one
 * {@code path: message} line each) with its progress, and its result as one JSON object, the last line on stdout.
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
    static int reportProblems(WorkflowLoadException e) {
        return reportProblems(e.sourceName(), e.problems());
    }

    /** Prints problems about {@code source} to stderr as {@link #printProblems} does; returns {@link #INVALID_INPUT}. */
    static int reportProblems(String source, List<Problem> problems) {
        printProblems(System.err, source, problems);
        return INVALID_INPUT;
    }

    /** One line per problem; a problem of the whole document is named after {@code source}, never with an empty path. */
    static void printProblems(PrintStream out, String source, List<Problem> problems) {
        for (Problem p : problems) {
            out.println(p.line(source));
        }
    }

    /** Prints a valid workflow's warnings to stderr, one {@code /json/path: warning: message} line each; returns how many. */
    static int reportWarnings(Workflow w) {
        List<Problem> warnings = WorkflowLoading.warningsOf(w);
        for (Problem p : warnings) {
            System.err.println(p.path() + ": warning: " + p.message());
        }
        return warnings.size();
    }

    /** Loads a workflow file that must be valid, printing its warnings to stderr. */
    static Workflow loadValid(Path file) throws WorkflowLoadException {
        Workflow w = WorkflowLoading.loadValid(file);
        reportWarnings(w);
        return w;
    }

    /**
     * Writes a workflow that a command made (from a template, by importing a network) only if it is valid: otherwise its
     * problems go to stderr, nothing is written, and the result is {@link #INVALID_INPUT}. On success the JSON result
     * line (file, name, kind, agents, handoffs) goes to stdout.
     */
    static int writeIfValid(Workflow w, Path out) throws IOException {
        List<Problem> problems = WorkflowLoading.problemsOf(w);
        if (!problems.isEmpty()) {
            return reportProblems(out.toString(), problems);
        }
        int warnings = reportWarnings(w);
        WorkflowJson.write(w, out);
        System.out.println(Json.line(describe(out, w, warnings)));
        return 0;
    }

    /** A valid workflow as a command's JSON result: {@code file, name, kind, agents, handoffs, warnings}. */
    static Map<String, Object> describe(Path file, Workflow w, int warnings) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file.toString());
        result.put("name", w.name());
        result.put("kind", w.environment().kind());
        result.put("agents", w.agents().size());
        result.put("handoffs", w.handoffs().size());
        result.put("warnings", warnings);
        return result;
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
