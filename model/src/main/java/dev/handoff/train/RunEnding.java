package dev.handoff.train;

import java.util.List;
import java.util.Locale;

/** How a run of an algorithm's seeds ended, in the words its summary and its run folder's manifest use. */
final class RunEnding {
    private RunEnding() {
    }

    /**
     * Why the seeds {@code mine} did not finish: one's divergence (naming the agent, its view and the handoff), else the
     * run's {@code message}; null when they finished.
     */
    static String reason(RunState end, String message, List<SeedRun> mine) {
        for (SeedRun t : mine) {
            if (t.divergence() != null) {
                return "diverged (" + t.algorithm() + ", seed " + t.seed() + "): " + t.divergence();
            }
        }
        return end == RunState.FINISHED ? null : message;
    }

    /** The manifest's end state: finished without a {@code reason}, cancelled when the user stopped it, else failed. */
    static String manifestStatus(RunState end, String reason) {
        if (reason == null) {
            return RunManifest.FINISHED;
        }
        return end == RunState.CANCELLED && !reason.startsWith("diverged") ? RunManifest.CANCELLED : RunManifest.FAILED;
    }

    /** The summary's {@code status}: "finished", or the end state with what the run said ("failed: ..."). */
    static String statusText(RunState end, String message, String problem) {
        if (problem != null) {
            return "failed: " + problem;
        }
        if (end == RunState.FINISHED) {
            return "finished";
        }
        String state = end.name().toLowerCase(Locale.ROOT);
        return message.startsWith(state) ? message : state + ": " + message;
    }
}
