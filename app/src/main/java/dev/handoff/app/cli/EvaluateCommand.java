package dev.handoff.app.cli;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.BundleEvaluation;
import dev.handoff.policy.BundleException;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code handoff evaluate BUNDLE WORKFLOW}: runs exported policies greedily, with no training code path. */
@Command(name = "evaluate", description = "Run an exported policy bundle greedily on a workflow; print one JSON object.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a policy bundle folder ('handoff export')")
    Path bundleDir;

    @Parameters(index = "1", paramLabel = "WORKFLOW", description = "the workflow to run it on")
    Path workflowFile;

    @Option(names = "--episodes", defaultValue = "20000", description = "episodes to simulate")
    long episodes;

    @Option(names = "--seed", defaultValue = "1", description = "simulation seed")
    long seed;

    @Override
    public Integer call() {
        if (episodes <= 0) {
            System.err.println("--episodes: must be positive");
            return HandoffCli.INVALID_INPUT;
        }
        try {
            Workflow w = HandoffCli.loadValid(workflowFile);
            PolicyBundle bundle = PolicyBundle.load(bundleDir);
            System.out.println(Json.line(BundleEvaluation.evaluate(bundle, w, WorkflowLoading.kindOf(w), episodes, seed)));
            return 0;
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        } catch (BundleException e) {
            System.err.println("handoff evaluate: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
    }
}
