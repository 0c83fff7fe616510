package dev.handoff.train.live;

import dev.handoff.train.RunState;
import dev.handoff.train.TrainingRun;
import dev.handoff.train.TrainingSession;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Checkpoints of a paused watched run, so it can be resumed later even if the workbench is closed: a pause asks the
 * run for a zero-handoff step, which pauses it again only once no trainer is inside a chunk (the quiescent point), and
 * a thread of its own then writes every seed's checkpoint while holding the commands' lock, so nothing restarts the
 * trainers meanwhile.
 */
final class PauseCheckpoints {
    /** Message {@link TrainingRun} gives the pause it enters when a step is done and no worker is busy. */
    private static final String QUIET_PAUSE = "paused after step";
    private final TrainingSession session;
    private final TrainingRun run;
    private final Object commands;
    private final BooleanSupplier stillPaused;
    private final AtomicInteger written = new AtomicInteger();

    /** {@code commands}: the lock user commands hold; {@code stillPaused}: whether the user still has the run paused. */
    PauseCheckpoints(TrainingSession session, Object commands, BooleanSupplier stillPaused) {
        this.session = session;
        this.run = session.run();
        this.commands = commands;
        this.stillPaused = stillPaused;
    }

    /** Called by a pause (holding the commands' lock): checkpoints once the trainers are quiet, off the caller's thread. */
    void afterPause() {
        if (session.runFolders().isEmpty()) {
            return;
        }
        run.step(0);
        Thread t = new Thread(this::checkpointWhenQuiet, "handoff-live-pause-checkpoint");
        t.setDaemon(true);
        t.start();
    }

    /** A pause's zero-handoff step still waiting for a busy worker becomes a plain pause, so commands apply at once. */
    void settle() {
        if (run.state() == RunState.RUNNING) {
            run.pause();
        }
    }

    /** How many times a pause has written every seed's checkpoint. */
    int count() {
        return written.get();
    }

    private void checkpointWhenQuiet() {
        try {
            while (true) {
                synchronized (commands) {
                    if (!stillPaused.getAsBoolean() || run.state().isTerminal()) {
                        return;
                    }
                    if (run.state() == RunState.PAUSED && QUIET_PAUSE.equals(run.message())) {
                        session.checkpointAll();
                        written.incrementAndGet();
                        return;
                    }
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
