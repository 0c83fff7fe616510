package dev.handoff.train;

/** A run folder that cannot be written or used as asked: not writable, still locked by a training process, damaged. */
public final class RunFolderException extends RuntimeException {
    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
