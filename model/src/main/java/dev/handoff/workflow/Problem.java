package dev.handoff.workflow;

/**
 * One thing wrong with a workflow document, at a JSON Pointer path ({@code /agents/3/observation/terms/0/feature}),
 * with a message a person can act on.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
