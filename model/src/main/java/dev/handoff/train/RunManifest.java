package dev.handoff.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.handoff.workflow.AppVersion;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a run folder: which workflow (hash and a copy), which settings and seeds, which versions,
 * and how the run ended. Written at the start (status "running") and again at the end, so a crashed run still says
 * what it was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "workflowName", "workflowHash", "algorithm", "seeds", "handoffs", "training", "versions",
        "startedAt", "finishedAt", "summary"})
public record RunManifest(String status, String workflowName, String workflowHash, String algorithm, List<Long> seeds,
                          long handoffs, TrainingSettings training, Map<String, String> versions, String startedAt,
                          String finishedAt, TrainingSummary summary, @com.fasterxml.jackson.annotation.JsonIgnore Workflow workflow) {

    static RunManifest started(Workflow w, HeadlessTraining.Request r) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("app", AppVersion.current());
        versions.put("java", System.getProperty("java.version"));
        versions.put("formatVersion", String.valueOf(Workflow.FORMAT_VERSION));
        return new RunManifest("running", w.name(), WorkflowHash.of(w), r.algorithm().cliName(), r.seeds(), r.handoffs(),
                w.training(), versions, Instant.now().toString(), null, null, w);
    }

    RunManifest finished(TrainingSummary s) {
        return new RunManifest(s.status().startsWith("finished") ? "finished" : s.status(), workflowName, workflowHash,
                algorithm, seeds, handoffs, training, versions, startedAt, Instant.now().toString(), s, workflow);
    }

    void writeTo(Path dir) throws IOException {
        Path tmp = dir.resolve("manifest.json.tmp");
        HeadlessTraining.json().writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (workflow != null && !Files.exists(dir.resolve("workflow.json"))) {
            WorkflowJson.write(workflow, dir.resolve("workflow.json"));
        }
    }
}
