package dev.handoff.learn.neural;

/**
 * The wire a neural IC-Q agent uses to re-query a receiver (ICQ.md §3, mode (b)): given only the receiver's index and
 * the handoff id the receiver issued, the trainer asks that receiver for one fresh scalar, counts it, and returns it.
 * The agent never holds a reference to another agent.
 */
@FunctionalInterface
public interface ScalarChannel {
    /** One fresh scalar from {@code receiver} for the view it kept under {@code handoffId}, or NaN if it is gone. */
    double requery(int receiver, long handoffId);
}
