package dev.handoff.train;

import java.util.Locale;
import java.util.function.Consumer;

/** Progress of a run for a person watching a terminal: about one line a second, and a line when the run ends. */
final class ProgressLines implements TrainingListener {
    private final TrainingRun run;
    private final Consumer<String> sink;
    /** Handoffs already done when this run (or its resumption) started: the rate counts only new ones. */
    private final long startedAt;
    private long lastNanos = System.nanoTime();

    ProgressLines(TrainingRun run, Consumer<String> sink, long startedAt) {
        this.run = run;
        this.sink = sink;
        this.startedAt = startedAt;
    }

    @Override
    public synchronized void onWindow(TrainingWindow window) {
        long now = System.nanoTime();
        if (now - lastNanos < 1_000_000_000L) {
            return;
        }
        lastNanos = now;
        long done = run.handoffsDone();
        long budget = run.handoffsBudget();
        double secs = run.activeSeconds();
        double rate = (done - startedAt) / Math.max(secs, 1e-9);
        sink.accept(String.format(Locale.ROOT, "%5.1f%%  %,d / %,d handoffs  %.2fM handoffs/s  ETA %.0fs  (%s seed %d: return %.3f)",
                100.0 * done / budget, done, budget, rate / 1e6, (budget - done) / Math.max(rate, 1), window.algorithm(),
                window.seed(), window.meanEpisodeReturn()));
    }

    @Override
    public void onStateChanged(RunState state, String message) {
        if (state != RunState.RUNNING) {
            sink.accept(message);
        }
    }
}
