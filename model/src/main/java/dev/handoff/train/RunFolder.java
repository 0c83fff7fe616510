package dev.handoff.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.input.InputException;
import dev.handoff.input.JsonInput;
import dev.handoff.workflow.Problem;
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

    /**
     * Opens a run folder. A folder that is not one, or whose manifest or workflow is damaged, is refused with a
     * {@link CheckpointException} naming the file and the JSON Pointer or line of the problem.
     */
    public static RunFolder open(Path dir) throws IOException, WorkflowLoadException {
        Path manifestFile = dir.resolve("manifest.json");
        Path workflowFile = dir.resolve("workflow.json");
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir + ": " + (Files.exists(dir) ? "is a file, not a run folder" : "no such run folder"));
        }
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(workflowFile)) {
            throw new CheckpointException(dir + ": not a run folder (no manifest.json and workflow.json)");
        }
        JsonNode manifest;
        try {
            manifest = JsonInput.readTree(manifestFile, manifestFile.toString());
        } catch (InputException e) {
            throw new CheckpointException(e.getMessage());
        }
        Workflow w;
        try {
            w = WorkflowJson.read(workflowFile);
        } catch (WorkflowLoadException e) {
            Problem first = e.problems().get(0);
            throw new CheckpointException(workflowFile + (first.path().isEmpty() ? "" : "#" + first.path()) + ": "
                    + first.message() + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
        }
        if (!WorkflowHash.matches(w, manifest.path("workflowHash").asText())) {
            throw new CheckpointException(workflowFile + ": does not match the manifest's workflow hash (edited after the run?)");
        }
        List<Problem> invalid = WorkflowLoading.problemsOf(w);
        if (!invalid.isEmpty()) {
            throw new CheckpointException(workflowFile + "#" + invalid.get(0));
        }
        JsonNode seedsNode = manifest.path("seeds");
        if (!seedsNode.isArray() || seedsNode.isEmpty()) {
            throw new CheckpointException(manifestFile + "#/seeds: expected a non-empty array of seeds");
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < seedsNode.size(); i++) {
            if (!seedsNode.get(i).canConvertToLong() || !seedsNode.get(i).isIntegralNumber()) {
                throw new CheckpointException(manifestFile + "#/seeds/" + i + ": expected a whole number");
            }
            seeds.add(seedsNode.get(i).asLong());
        }
        JsonNode handoffs = manifest.path("handoffs");
        if (!handoffs.isIntegralNumber() || !handoffs.canConvertToLong() || handoffs.asLong() < 0) {
            throw new CheckpointException(manifestFile + "#/handoffs: expected a whole number of handoffs");
        }
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(manifest.path("algorithm").asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(manifestFile + "#/algorithm: " + InputException.oneLine(e.getMessage()));
        }
        return new RunFolder(dir, w, WorkflowLoading.kindOf(w), algorithm, seeds, handoffs.asLong());
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
        try {
            return JsonInput.read(file, dev.handoff.learn.neural.NeuralSettings.class, file.toString());
        } catch (InputException e) {
            throw new CheckpointException(e.getMessage());
        }
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
