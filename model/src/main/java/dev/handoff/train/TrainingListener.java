package dev.handoff.train;

/** Receives training events; called on the trainer's thread, so implementations must only copy and return. */
public interface TrainingListener {
    default void onWindow(TrainingWindow window) {
    }

    default void onStateChanged(RunState state, String message) {
    }
}
