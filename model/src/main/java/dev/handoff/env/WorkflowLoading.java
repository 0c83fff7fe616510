package dev.handoff.env;

import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;
import dev.handoff.workflow.WorkflowValidator;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a workflow file and checks it completely: the document's own rules and its environment kind's. The one
 * entry point the CLI and the workbench share, so both report the same problems with the same JSON paths.
 */
public final class WorkflowLoading {
    private WorkflowLoading() {
    }

    /** Every problem of the workflow (empty when it is valid). */
    public static List<Problem> problemsOf(Workflow w) {
        return validator().validate(w);
    }

    /** What is legal in the workflow but rarely meant (a self-loop handoff), each at its path. */
    public static List<Problem> warningsOf(Workflow w) {
        return validator().warnings(w);
    }

    public static WorkflowValidator validator() {
        return new WorkflowValidator(EnvironmentKinds.all());
    }

    /** Every problem of a file, whether it fails to load or loads and fails validation. */
    public static List<Problem> problemsIn(Path file) {
        try {
            return problemsOf(WorkflowJson.read(file));
        } catch (WorkflowLoadException e) {
            return e.problems();
        }
    }

    /** Loads a workflow that must be valid; otherwise the exception lists every problem. */
    public static Workflow loadValid(Path file) throws WorkflowLoadException {
        Workflow w = WorkflowJson.read(file);
        List<Problem> problems = problemsOf(w);
        if (!problems.isEmpty()) {
            throw new WorkflowLoadException(file.toString(), problems);
        }
        return w;
    }

    /** The kind of a valid workflow. */
    public static EnvironmentKind kindOf(Workflow w) {
        return EnvironmentKinds.lookup(w.environment().kind())
                .orElseThrow(() -> new IllegalArgumentException("unknown environment kind " + w.environment().kind()));
    }
}
