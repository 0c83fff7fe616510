package dev.handoff.input;

/**
 * Something is larger than a documented {@link InputLimits.Limit}: refused before it is built, with a message that
 * names the limit. Unchecked, because sizes are found deep inside builders; the CLI reports it as invalid input.
 */
public class LimitExceededException extends RuntimeException {
    private final InputLimits.Limit limit;

    public LimitExceededException(InputLimits.Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public InputLimits.Limit limit() {
        return limit;
    }
}
