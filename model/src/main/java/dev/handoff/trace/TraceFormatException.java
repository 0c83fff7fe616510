package dev.handoff.trace;

import dev.handoff.input.InputException;

import java.util.List;

/**
 * A trace file that does not follow the trace format or does not fit the workflow: every problem found (up to
 * {@link TraceFormat#MAX_PROBLEMS}), each as {@code file:line: /json/path: message}.
 */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public TraceFormatException(List<String> problems) {
        this(problems.stream().map(InputException::printable).toList(), true);
    }

    /** Problems with values quoted from the file shown escaped: one line each, a terminal escape in a file does nothing. */
    private TraceFormatException(List<String> printable, boolean escaped) {
        super(printable.isEmpty() ? "invalid trace" : printable.get(0)
                + (printable.size() > 1 ? " (and " + (printable.size() - 1) + " more)" : ""));
        this.problems = printable;
    }

    /** Each problem on its own line, with file, line number and JSON path. */
    public List<String> problems() {
        return problems;
    }
}
