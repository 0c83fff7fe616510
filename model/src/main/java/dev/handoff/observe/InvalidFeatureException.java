package dev.handoff.observe;

/**
 * A value given for an agent's interface features (in a request or a trace line) that the agent's interface cannot
 * read: a missing or unknown feature, a wrong type, a value outside the artifact schema. {@link #path()} is the JSON
 * Pointer of the offending value, {@link #reason()} says what is wrong with it.
 */
public final class InvalidFeatureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public InvalidFeatureException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
