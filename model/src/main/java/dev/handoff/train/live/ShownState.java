package dev.handoff.train.live;

import dev.handoff.train.RunState;

/**
 * The life of a watched run as its user sees it (paced steps are not pauses; a divergence is a pause with a message),
 * and the time it has spent training, pauses excluded. Written by commands and by trainer threads (inside the run's
 * lock), so it takes only its own lock.
 */
final class ShownState {
    private volatile RunState state = RunState.READY;
    private volatile String message = "ready";
    private long runningSince;
    private long activeNanos;

    RunState state() {
        return state;
    }

    String message() {
        return message;
    }

    boolean is(RunState s) {
        return state == s;
    }

    synchronized void show(RunState s, String text) {
        if (s == RunState.RUNNING && runningSince == 0) {
            runningSince = System.nanoTime();
        } else if (s != RunState.RUNNING && runningSince > 0) {
            activeNanos += System.nanoTime() - runningSince;
            runningSince = 0;
        }
        message = text;
        state = s;
    }

    /** Seconds shown as training (pauses excluded; paced steps and the waits between them included). */
    synchronized double activeSeconds() {
        return (activeNanos + (runningSince > 0 ? System.nanoTime() - runningSince : 0)) / 1e9;
    }
}
