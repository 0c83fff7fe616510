package dev.handoff.views.training.policies;

import dev.handoff.policy.BundleEvaluation;

import java.nio.file.Path;
import java.util.List;

/** The outcome of loading a bundle onto the dashboard's workflow: the greedy evaluation, or exactly what does not fit. */
public record BundleReport(Path bundle, BundleEvaluation.Result result, List<String> problems, String summary) {
    public boolean fits() {
        return result != null;
    }
}
