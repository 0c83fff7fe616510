package dev.handoff.env.llm;

/** A live chat-completions call that failed for good (after retries, or at once for a reply that cannot be used). */
public final class LiveCallException extends RuntimeException {
    public LiveCallException(String message) {
        super(message);
    }

    public LiveCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
