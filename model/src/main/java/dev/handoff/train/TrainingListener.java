package dev.handoff.train;

/** Receives training events; called on the trainer's thread, so implementations must only copy and return. */
public interface TrainingListener {
    default void onWindow(TrainingWindow window) {
    }

    default void onStateChanged(RunState state, String message) {
    }

    /** A reading of the three error components (kinds with an exact model), at a fixed cadence of handoffs. */
    default void onComponents(Algorithm algorithm, dev.handoff.components.ComponentReading reading) {
    }
}
