package dev.handoff.views.document;

import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.List;
import java.util.Map;

/** What File ▸ New starts from: the synthetic IC-SMDP's artifact (visible progress, hidden difficulty), no agents yet. */
public final class BlankWorkflow {
    private BlankWorkflow() {
    }

    public static Workflow create() {
        ArtifactSchema artifact = new ArtifactSchema(List.of(
                FeatureSpec.integer("progress", 0, 5, "visible progress g; 5 is done"),
                FeatureSpec.integer("difficulty", 0, 2, "hidden difficulty h (no agent sees it by default)")));
        TrainingSettings training = new TrainingSettings("icq-tabular", 0.95, StepSizeSpec.harmonic(5, 50),
                new EpsilonSpec(0.3, 0.05, 100_000), 200_000, List.of(1L, 2L, 3L), 1000);
        return new Workflow(Workflow.FORMAT_VERSION, null, "Untitled workflow", null, artifact, List.of(), List.of(),
                new EnvironmentSpec("synthetic", Map.of("lambda", 0.0, "eta", 0.1)), training, Layout.EMPTY);
    }
}
