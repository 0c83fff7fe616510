package dev.handoff.app.cli;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.input.InputException;
import dev.handoff.input.LimitExceededException;
import dev.handoff.policy.BundleException;
import dev.handoff.workflow.AppVersion;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

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
     * Prints a workflow's problems to stderr, one {@code /json/path: message} line each ({@code file: message} for the
     * file as a whole); returns {@link #INVALID_INPUT}.
     */
    static int reportProblems(WorkflowLoadException e) {
        for (Problem p : e.problems()) {
            // a problem with the file as a whole (not JSON, not found) names the file rather than an empty path
            System.err.println((p.path().isEmpty() ? e.sourceName() : p.path()) + ": " + p.message());
        }
        return INVALID_INPUT;
    }

    /**
     * Reports input that a loader refused, whichever command met it: a file that cannot be used (one
     * {@code path: message} line: the file with its JSON Pointer or line), a workflow's problems, or a size beyond a
     * documented limit. Returns {@link #INVALID_INPUT}, or null when {@code ex} is not a refusal of input.
     */
    static Integer reportRefusal(Throwable ex) {
        if (ex instanceof WorkflowLoadException w) {
            return reportProblems(w);
        }
        // a data file refused where no checked exception could pass arrives wrapped
        Throwable refused = ex instanceof UncheckedIOException u && u.getCause() instanceof InputException input ? input : ex;
        if (refused instanceof InputException || refused instanceof LimitExceededException
                || refused instanceof CheckpointException || refused instanceof BundleException) {
            System.err.println(InputException.oneLine(refused.getMessage()));
            return INVALID_INPUT;
        }
        return null;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new HandoffCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Integer refused = reportRefusal(ex);
            if (refused != null) {
                return refused;
            }
            cmd.getErr().println("handoff: " + ex.getMessage());
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args2) -> {
            ex.getCommandLine().getErr().println("handoff: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return INVALID_INPUT;
        });
        return cli.execute(args);
    }

    /** Prints the app version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.writtenBy()};
        }
    }
}
