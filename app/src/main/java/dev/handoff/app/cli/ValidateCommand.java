package dev.handoff.app.cli;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code handoff validate FILE}: exit 0 with a JSON result on stdout ({@code file, valid, name, kind, agents, handoffs,
 * warnings}) if the workflow is valid (its warnings on stderr),
 * else exit 2 with one {@code path: message} line per problem on stderr.
 */
@Command(name = "validate", description = "Check a workflow file: problems on stderr (one path: message line each, exit 2), "
        + "or a JSON result on stdout (exit 0).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a *.workflow.json file")
    Path file;

    @Override
    public Integer call() {
        Workflow w;
        try {
            w = WorkflowLoading.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file.toString());
        result.put("valid", true);
        result.putAll(HandoffCli.describe(file, w, HandoffCli.reportWarnings(w)));
        System.out.println(Json.line(result));
        return 0;
    }
}
