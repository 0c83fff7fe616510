package dev.handoff.app.cli;

import dev.handoff.workflow.AppVersion;
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

    /** Prints a workflow's problems to stderr, one {@code /json/path: message} line each; returns {@link #INVALID_INPUT}. */
    static int reportProblems(dev.handoff.workflow.WorkflowLoadException e) {
        for (dev.handoff.workflow.Problem p : e.problems()) {
            System.err.println(p.path() + ": " + p.message());
        }
        return INVALID_INPUT;
    }

    /**
     * Reports input that a loader refused, whichever command met it: a file that cannot be used (one
     * {@code path: message} line: the file with its JSON Pointer or line), a workflow's problems, or a size beyond a
     * documented limit. Returns {@link #INVALID_INPUT}, or null when {@code ex} is not a refusal of input.
     */
    static Integer reportRefusal(Throwable ex) {
        if (ex instanceof dev.handoff.workflow.WorkflowLoadException w) {
            return reportProblems(w);
        }
        if (ex instanceof dev.handoff.input.InputException || ex instanceof dev.handoff.input.LimitExceededException
                || ex instanceof dev.handoff.checkpoint.CheckpointException) {
            System.err.println(dev.handoff.input.InputException.oneLine(ex.getMessage()));
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
