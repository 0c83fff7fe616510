package dev.handoff.checkpoint;

/** A checkpoint that cannot be used: truncated, corrupted, or written for another workflow or algorithm. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }
}
