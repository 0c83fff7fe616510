package dev.handoff.trace;

import java.util.List;

/**
 * A trace file that does not follow the trace format or does not fit the workflow: every problem found (up to
 * {@link TraceFormat#MAX_PROBLEMS}), each as {@code file:line: /json/path: message}.
 */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public TraceFormatException(List<String> problems) {
        super(problems.isEmpty() ? "invalid trace" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own line, with file, line number and JSON path. */
    public List<String> problems() {
        return problems;
    }
}
