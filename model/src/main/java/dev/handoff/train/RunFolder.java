package dev.handoff.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run folder read back: the workflow it trained (checked against the manifest's hash), the algorithm, the seeds, the
 * budget and how the run stands ({@link #status()}), and trainers restored from its checkpoints. The one format every
 * run folder has, whoever wrote it (the CLI, the dashboard): see {@link RunFolderWriter}.
 */
public record RunFolder(Path dir, Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds,
                        long handoffs, String status) {
    /** The file in which a neural run records its network settings (needed to rebuild its learners on resume). */
    public static final String NEURAL_SETTINGS = "neural-settings.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunFolder open(Path dir) throws IOException, WorkflowLoadException {
        Path manifestFile = dir.resolve(RunManifest.FILE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(dir.resolve("workflow.json"))) {
            throw new CheckpointException(dir + " is not a run folder (no manifest.json and workflow.json)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new CheckpointException(manifestFile + " is damaged: it is not JSON");
        }
        Workflow w = WorkflowJson.read(dir.resolve("workflow.json"));
        if (!WorkflowHash.matches(w, manifest.path("workflowHash").asText())) {
            throw new CheckpointException("workflow.json in " + dir + " does not match the manifest's workflow hash");
        }
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(manifest.path("algorithm").asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(manifestFile + ": " + e.getMessage());
        }
        List<Long> seeds = new ArrayList<>();
        manifest.path("seeds").forEach(s -> seeds.add(s.asLong()));
        return new RunFolder(dir, w, WorkflowLoading.kindOf(w), algorithm, seeds, manifest.path("handoffs").asLong(),
                statusOf(dir, manifest.path("status").asText()));
    }

    /** How the run in {@code dir} stands (see {@link #statusOf(Path, String)}), or "unreadable" without a readable manifest. */
    public static String statusOf(Path dir) {
        try {
            return statusOf(dir, JSON.readTree(dir.resolve(RunManifest.FILE).toFile()).path("status").asText("unreadable"));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * How the run in {@code dir} stands, given its manifest's status: {@code running} only while a process holds the
     * run's lock, {@code interrupted} once none does (the process was killed or crashed).
     */
    public static String statusOf(Path dir, String manifestStatus) {
        return RunManifest.RUNNING.equals(manifestStatus) && !RunLock.isHeld(dir) ? RunManifest.INTERRUPTED : manifestStatus;
    }

    /** Whether a training process is writing this run right now. */
    public boolean isTraining() {
        return RunManifest.RUNNING.equals(status);
    }

    /**
     * The trainer of one seed as its last good checkpoint left it, with the given budget (close it after use). A
     * missing or damaged newest checkpoint falls back to the previous one (saying so in the log and in
     * {@code fallbacks}, which may be null).
     */
    public SeedRun restore(long seed, long budget, List<String> fallbacks) throws IOException {
        if (!seeds.contains(seed)) {
            throw new CheckpointException("the run in " + dir + " has no seed " + seed + " (seeds: " + seeds + ")");
        }
        NeuralSettings neural = algorithm == Algorithm.ICQ_NEURAL ? neuralSettings() : null;
        Path newest = RunCheckpoints.fileOf(dir, algorithm, seed);
        Path previous = RunCheckpoints.previousOf(newest);
        CheckpointException first;
        SeedRun run = SeedRuns.create(workflow, kind, algorithm, seed, budget, neural);
        try {
            RunCheckpoints.restore(newest, run);
            return run;
        } catch (CheckpointException e) {
            run.close();
            first = e;
        }
        if (!Files.isRegularFile(previous)) {
            throw new CheckpointException(algorithm + " seed " + seed + " of " + dir + ": " + first.getMessage());
        }
        SeedRun older = SeedRuns.create(workflow, kind, algorithm, seed, budget, neural);
        try {
            RunCheckpoints.restore(previous, older);
        } catch (CheckpointException e) {
            older.close();
            throw new CheckpointException(algorithm + " seed " + seed + " of " + dir + ": " + first.getMessage()
                    + ", and the previous one too: " + e.getMessage());
        }
        String note = algorithm + " seed " + seed + ": " + first.getMessage() + "; using the previous checkpoint, at "
                + older.handoffs() + " handoffs";
        LoggerFactory.getLogger(RunFolder.class).warn("{} ({})", note, dir);
        if (fallbacks != null) {
            fallbacks.add(note);
        }
        return older;
    }

    /** As {@link #restore(long, long, List)}, not collecting fallbacks. */
    public SeedRun restore(long seed, long budget) throws IOException {
        return restore(seed, budget, null);
    }

    /** The network settings of an {@code icq-neural} run. */
    public NeuralSettings neuralSettings() throws IOException {
        Path file = dir.resolve(NEURAL_SETTINGS);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("the neural run in " + dir + " does not record its network settings (" + NEURAL_SETTINGS
                    + "): it cannot be resumed");
        }
        return JSON.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile(), NeuralSettings.class);
    }

    /** Records a neural run's network settings in {@code runDir} ({@value #NEURAL_SETTINGS}). */
    static void writeNeuralSettings(Path runDir, NeuralSettings settings) throws IOException {
        JSON.writeValue(runDir.resolve(NEURAL_SETTINGS).toFile(), settings);
    }

    /** Where a neural seed's trained networks are written at the end of training: {@code networks/<algo>-seed<N>/}. */
    public static Path networksDir(Path runDir, Algorithm algorithm, long seed) {
        return runDir.resolve("networks").resolve(algorithm.cliName() + "-seed" + seed);
    }
}
