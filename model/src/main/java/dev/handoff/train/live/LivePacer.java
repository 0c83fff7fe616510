package dev.handoff.train.live;

import dev.handoff.train.RunState;
import dev.handoff.train.TrainingRun;

import java.util.function.BooleanSupplier;

/**
 * Slow speeds for a watched run: while the run is paused between them, a step of a few handoffs every tick, so each
 * seed moves at about {@link #setPace pace} handoffs per second. The trainers' hot loop is never slowed; only the
 * steps are spaced. Its own daemon thread, started on first use.
 */
final class LivePacer {
    private static final long TICK_MILLIS = 50;
    private final TrainingRun run;
    private final BooleanSupplier shouldStep;
    private final BooleanSupplier closed;
    private volatile double pace; // handoffs per second per seed; 0 = full speed
    private Thread thread;

    /** {@code shouldStep}: whether the user wants the run moving now; {@code closed}: whether the run is over. */
    LivePacer(TrainingRun run, BooleanSupplier shouldStep, BooleanSupplier closed) {
        this.run = run;
        this.shouldStep = shouldStep;
        this.closed = closed;
    }

    double pace() {
        return pace;
    }

    /** Sets the pace (≤ 0: full speed) and returns the old one. */
    double setPace(double handoffsPerSecond) {
        double old = pace;
        pace = Math.max(0, handoffsPerSecond);
        return old;
    }

    boolean paced() {
        return pace > 0;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::loop, "handoff-live-pacer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        double owed = 0;
        long last = System.nanoTime();
        while (!closed.getAsBoolean()) {
            double p = pace;
            long now = System.nanoTime();
            if (p > 0 && shouldStep.getAsBoolean()) {
                owed += p * (now - last) / 1e9;
                RunState s = run.state();
                if (owed >= 1 && (s == RunState.PAUSED || s == RunState.READY)) {
                    long k = (long) owed;
                    owed -= k;
                    run.step(k);
                }
                owed = Math.min(owed, Math.max(1, p)); // never bank more than a second's worth
            } else {
                owed = 0;
            }
            last = now;
            try {
                Thread.sleep(TICK_MILLIS / (p > 40 ? 1 : 2));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
