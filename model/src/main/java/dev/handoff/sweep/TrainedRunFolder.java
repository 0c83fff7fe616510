package dev.handoff.sweep;

import dev.handoff.train.RunFolderWriter;
import dev.handoff.train.RunManifest;
import dev.handoff.train.SeedRun;
import dev.handoff.train.TrainingSummary;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The training phase of a sweep cell that keeps using its learners afterwards (the load axis measures while they keep
 * learning; the cost-weight axis scores them on held-out questions), written as a run folder by {@link RunFolderWriter}:
 * metrics.csv of every window, the checkpoint and learner files at the end of training, and a summary whose return is
 * not evaluated (the cell's own reading is its measure). Writing changes nothing the learners do.
 */
final class TrainedRunFolder {
    private TrainedRunFolder() {
    }

    /**
     * Trains {@code trainer} to {@code handoffs} on {@code workflow}, writing its run folder into {@code runFolder}
     * (null: plain training, no folder); {@code measuredAs} says in the summary what the cell reads instead of a return.
     *
     * @return false if training diverged
     */
    static boolean train(SeedRun trainer, Workflow workflow, long handoffs, Path runFolder, String measuredAs) {
        if (runFolder == null) {
            return trainer.runUntil(handoffs, null);
        }
        RunFolderWriter folder = RunFolderWriter.start(runFolder, workflow, trainer.algorithm(), List.of(trainer.seed()),
                handoffs, trainer);
        try {
            long t0 = System.nanoTime();
            boolean ok = trainer.runUntil(handoffs, folder::append);
            double secs = (System.nanoTime() - t0) / 1e9;
            folder.saveTrainers(List.of(trainer));
            String reason = ok ? null : "diverged (" + trainer.algorithm() + ", seed " + trainer.seed() + "): "
                    + trainer.divergence();
            TrainingSummary summary = new TrainingSummary(trainer.algorithm().cliName(), List.of(trainer.seed()), handoffs,
                    Double.NaN, Double.NaN, List.of(Double.NaN), "not evaluated (" + measuredAs + ")", null, null,
                    null, secs, trainer.handoffs() / Math.max(secs, 1e-9), ok ? "finished" : "failed: " + reason,
                    runFolder.toString());
            folder.finish(ok ? RunManifest.FINISHED : RunManifest.FAILED, reason, summary);
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + runFolder + ": " + e.getMessage(), e);
        } finally {
            folder.close();
        }
    }
}
