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
        if (!WorkflowHash.of(w).equals(manifest.path("workflowHash").asText())) {
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
}
