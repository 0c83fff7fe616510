package dev.handoff.workflow;

import java.util.List;

/**
 * A workflow document could not be loaded: unreadable, not JSON, wrong shape or written by a newer format.
 * Carries every {@link Problem} found, each at a JSON Pointer path ({@code ""} for the document as a whole).
 */
public final class WorkflowLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final transient List<Problem> problems;

    public WorkflowLoadException(String sourceName, List<Problem> problems) {
        this(sourceName, problems, null);
    }

    public WorkflowLoadException(String sourceName, List<Problem> problems, Throwable cause) {
        super(summary(sourceName, problems), cause);
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The file name (or other label) the document came from. */
    public String sourceName() {
        return sourceName;
    }

    /** What is wrong, in document order where known; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(String sourceName, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a load failure needs at least one problem");
        }
        StringBuilder sb = new StringBuilder("cannot load ").append(sourceName).append(": ");
        sb.append(problems.get(0));
        if (problems.size() > 1) {
            sb.append(" (and ").append(problems.size() - 1).append(" more)");
        }
        return sb.toString();
    }
}
