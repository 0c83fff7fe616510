package dev.handoff.app.cli;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code handoff validate FILE}: exit 0 if valid, else exit 2 and one line per problem. */
@Command(name = "validate", description = "Check a workflow file; print one line per problem (path: message).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a *.workflow.json file")
    Path file;

    @Override
    public Integer call() {
        List<Problem> problems = WorkflowLoading.problemsIn(file);
        if (problems.isEmpty()) {
            System.out.println(file + ": valid");
            return 0;
        }
        HandoffCli.printProblems(System.out, file.toString(), problems);
        return HandoffCli.INVALID_INPUT;
    }
}
