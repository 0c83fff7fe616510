package dev.handoff.app.cli;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code handoff exact FILE}: solves a workflow with a finite model exactly and prints one JSON object (V*, the
 * interface gap, the policy loss of greedy(Q̂), the mixing time, the AIS constants and bound, state counts). The
 * behaviour policy that defines μ and Q̂ is the uniform one (ε = 1), the reference of ICQ.md §5.
 */
@Command(name = "exact", description = "Solve a finite-model workflow exactly; print one JSON object.")
final class ExactCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a *.workflow.json file of a kind with a finite model")
    Path file;

    @Override
    public Integer call() {
        Workflow w;
        try {
            w = HandoffCli.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        if (!(kind instanceof FiniteModelKind finite)) {
            System.err.println("handoff exact: the " + kind.id() + " kind has no finite model to solve");
            return HandoffCli.INVALID_INPUT;
        }
        FiniteSmdp model = finite.exactModel(w);
        ExactAnalysis analysis = ExactAnalysis.of(model, ExactAnalysis.uniformBehaviour(model));
        System.out.println(Json.line(analysis.report()));
        return 0;
    }
}
