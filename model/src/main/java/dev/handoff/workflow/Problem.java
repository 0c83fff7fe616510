package dev.handoff.workflow;

/**
 * One thing wrong with a workflow document, at a JSON Pointer path ({@code /agents/3/observation/terms/0/feature}),
 * with a message a person can act on.
 */
public record Problem(String path, String message) {
    /** Control characters quoted from a document (a property name with a line break) are shown escaped: one line. */
    public Problem {
        path = dev.handoff.input.InputException.printable(path);
        message = dev.handoff.input.InputException.printable(message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
