package dev.handoff.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.handoff.util.AtomicFiles;
import dev.handoff.workflow.AppVersion;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a run folder: which workflow (hash; the copy is {@code workflow.json}), which settings and
 * seeds, which versions, and how the run ended. Written when the run starts (status {@value #RUNNING}) and when it
 * ends ({@value #FINISHED}, {@value #FAILED} or {@value #CANCELLED}, with the {@code reason} for the last two), each
 * time atomically, so a crashed run still says what it was; a {@value #RUNNING} run whose process is gone reads as
 * {@value #INTERRUPTED} ({@link RunLock}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "reason", "workflowName", "workflowHash", "algorithm", "seeds", "handoffs", "training",
        "versions", "startedAt", "finishedAt", "summary"})
public record RunManifest(String status, String reason, String workflowName, String workflowHash, String algorithm,
                          List<Long> seeds, long handoffs, TrainingSettings training, Map<String, String> versions,
                          String startedAt, String finishedAt, TrainingSummary summary, @JsonIgnore Workflow workflow) {
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    /** Never written: what a {@value #RUNNING} manifest means once no process holds the run's lock. */
    public static final String INTERRUPTED = "interrupted";
    public static final String FILE = "manifest.json";

    /** The manifest of a run of {@code algorithm} that starts now. */
    static RunManifest started(Workflow w, Algorithm algorithm, List<Long> seeds, long handoffs) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("app", AppVersion.current());
        versions.put("java", System.getProperty("java.version"));
        versions.put("formatVersion", String.valueOf(Workflow.FORMAT_VERSION));
        return new RunManifest(RUNNING, null, w.name(), WorkflowHash.of(w), algorithm.cliName(), List.copyOf(seeds),
                handoffs, w.training(), versions, Instant.now().toString(), null, null, w);
    }

    /**
     * This run ended now with {@code status} (one of the three end states), {@code reason} (null when finished) and its
     * summary, whose budget it keeps (the plan's, or less where the seeds ended sooner by design: offline learning).
     */
    RunManifest ended(String endStatus, String why, TrainingSummary s) {
        return new RunManifest(endStatus, why, workflowName, workflowHash, algorithm, seeds, s != null ? s.handoffs() : handoffs,
                training, versions,
                startedAt, Instant.now().toString(), s, workflow);
    }

    /** Writes {@code manifest.json} into {@code dir} atomically (temporary file, forced to disk, renamed). */
    void writeTo(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), out -> RunFolder.JSON.writeValue(out, this));
    }
}
