package dev.handoff.workflow;

/**
 * One thing wrong with a workflow document, at a JSON Pointer path ({@code /agents/3/observation/terms/0/feature}),
 * with a message a person can act on. The path is {@code ""} for the document as a whole (unreadable, not JSON, ...).
 */
public record Problem(String path, String message) {
    /** {@code path: message}, or just the message for a problem of the whole document. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    /**
     * The problem as one line of a report about {@code source} (a file name or path): {@code path: message}, or
     * {@code source: message} for a problem of the whole document, so no line starts with an empty path.
     */
    public String line(String source) {
        return (path.isEmpty() ? source : path) + ": " + message;
    }
}
