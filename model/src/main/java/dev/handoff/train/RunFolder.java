package dev.handoff.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.input.InputException;
import dev.handoff.input.JsonInput;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.Problem;
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
    /** The report of a run learned offline from traces ({@code dev.handoff.offline}); such a run is learned again, not resumed. */
    public static final String OFFLINE_REPORT = "offline.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Opens a run folder. A folder that is not one, or whose manifest or workflow is damaged, is refused with a
     * {@link CheckpointException} naming the file and the JSON Pointer or line of the problem.
     */
    public static RunFolder open(Path dir) throws IOException, WorkflowLoadException {
        Path manifestFile = dir.resolve(RunManifest.FILE);
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
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(manifest.path("algorithm").asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(manifestFile + "#/algorithm: " + InputException.oneLine(e.getMessage()));
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
        return new RunFolder(dir, w, WorkflowLoading.kindOf(w), algorithm, seeds, handoffs.asLong(),
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
        try {
            return JsonInput.read(file, NeuralSettings.class, file.toString());
        } catch (InputException e) {
            throw new CheckpointException(e.getMessage());
        }
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
