package dev.handoff.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run folder read back: the workflow it trained (checked against the manifest's hash), the algorithm, the seeds and
 * the budget, and trainers restored from its checkpoints.
 */
public record RunFolder(Path dir, Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs) {

    public static RunFolder open(Path dir) throws IOException, WorkflowLoadException {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(dir.resolve("workflow.json"))) {
            throw new CheckpointException(dir + " is not a run folder (no manifest.json and workflow.json)");
        }
        JsonNode manifest = HeadlessTraining.json().readTree(manifestFile.toFile());
        Workflow w = WorkflowJson.read(dir.resolve("workflow.json"));
        if (!WorkflowHash.matches(w, manifest.path("workflowHash").asText())) {
            throw new CheckpointException("workflow.json in " + dir + " does not match the manifest's workflow hash");
        }
        List<Long> seeds = new ArrayList<>();
        manifest.path("seeds").forEach(s -> seeds.add(s.asLong()));
        return new RunFolder(dir, w, WorkflowLoading.kindOf(w), Algorithm.parse(manifest.path("algorithm").asText()), seeds,
                manifest.path("handoffs").asLong());
    }

    /** The trainer of one seed as its last checkpoint left it, with the given budget. */
    public SeedTrainer restore(long seed, long budget) {
        if (!seeds.contains(seed)) {
            throw new CheckpointException("the run in " + dir + " has no seed " + seed + " (seeds: " + seeds + ")");
        }
        SeedTrainer t = new SeedTrainer(workflow, kind, algorithm, seed, budget);
        RunCheckpoints.restore(dir, t);
        return t;
    }

    /** The file in which a neural run records its network settings (needed to rebuild its learners on resume). */
    public static final String NEURAL_SETTINGS = "neural-settings.json";

    /** The network settings of an {@code icq-neural} run. */
    public dev.handoff.learn.neural.NeuralSettings neuralSettings() throws IOException {
        Path file = dir.resolve(NEURAL_SETTINGS);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("the neural run in " + dir + " does not record its network settings (" + NEURAL_SETTINGS
                    + "): it cannot be resumed");
        }
        return HeadlessTraining.json().copy()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile(), dev.handoff.learn.neural.NeuralSettings.class);
    }

    /** The neural trainer of one seed as its last checkpoint left it, with the given budget (close it after use). */
    public NeuralSeedTrainer restoreNeural(long seed, long budget) throws IOException {
        if (!seeds.contains(seed)) {
            throw new CheckpointException("the run in " + dir + " has no seed " + seed + " (seeds: " + seeds + ")");
        }
        NeuralSeedTrainer t = new NeuralSeedTrainer(workflow, kind, neuralSettings(), algorithm, seed, budget);
        try {
            RunCheckpoints.restore(dir, t);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }
}
