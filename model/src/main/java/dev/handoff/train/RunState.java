package dev.handoff.train;

/** The life of a training run. */
public enum RunState {
    READY, RUNNING, PAUSED, FINISHED, CANCELLED, DIVERGED, FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELLED || this == FAILED;
    }
}
