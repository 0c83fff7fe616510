package dev.handoff.train.live;

import dev.handoff.train.RunState;
import dev.handoff.train.SeedRun;
import dev.handoff.train.TrainingRun;

import java.util.function.BooleanSupplier;

/**
 * Steps a paused run one handoff at a time until its first seed's artifact is handed to STOP (one episode of that
 * seed), on its own thread; every seed moves alike. The first seed's count of finished episodes says when.
 */
final class EpisodeStepper {
    /** The outcome of one episode step: handoffs taken, and whether the episode reached STOP. */
    record Outcome(long handoffs, boolean reachedStop) {
    }

    private final TrainingRun run;
    private final SeedRun first;
    private final BooleanSupplier stillPaused;
    private volatile boolean stepping;
    private volatile Outcome last;

    /** {@code stillPaused}: whether the user still has the run paused (stepping stops when not). */
    EpisodeStepper(TrainingRun run, SeedRun first, BooleanSupplier stillPaused) {
        this.run = run;
        this.first = first;
        this.stillPaused = stillPaused;
    }

    boolean stepping() {
        return stepping;
    }

    /** Null before any episode step, or while one is running. */
    Outcome last() {
        return stepping ? null : last;
    }

    /** Starts stepping (at most {@code maxHandoffs}); returns at once. */
    void start(int maxHandoffs) {
        stepping = true;
        Thread t = new Thread(() -> stepOneEpisode(maxHandoffs), "handoff-live-episode-step");
        t.setDaemon(true);
        t.start();
    }

    private void stepOneEpisode(int maxHandoffs) {
        long taken = 0;
        boolean stop = false;
        try {
            while (taken < maxHandoffs && !stop && stillPaused.getAsBoolean() && !first.finished()
                    && first.divergence() == null) {
                RunState s = run.state(); // the run's lock makes the trainers' last writes visible
                if (s != RunState.PAUSED && s != RunState.READY) {
                    Thread.sleep(1);
                    continue;
                }
                long episodesBefore = first.episodes();
                long target = first.handoffs() + 1;
                run.step(1);
                while (!(run.state() == RunState.PAUSED && first.handoffs() >= target)) {
                    if (run.state().isTerminal() || run.state() == RunState.DIVERGED) {
                        return;
                    }
                    Thread.sleep(0, 200_000);
                }
                taken++;
                stop = first.episodes() > episodesBefore;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            last = new Outcome(taken, stop);
            stepping = false;
        }
    }
}
