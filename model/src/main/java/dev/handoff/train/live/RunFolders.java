package dev.handoff.train.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run folders under a runs root that belong to one workflow (by its name in the manifest), newest first, each with
 * how it stands: {@code running}, {@code finished}, {@code failed} or {@code cancelled} as its manifest says, or
 * {@code interrupted} when it says running but no process holds its lock (it was killed or crashed: resume it).
 */
public final class RunFolders {
    /** What the Runs panel shows of one run folder; {@code reason} says why it failed or was cancelled (else null). */
    public record Entry(Path dir, String workflowName, String algorithm, String status, String startedAt, int seeds,
                        long handoffs, Double meanReturn, Double meanReturnCi95, String reason) {
        /** An entry without a reason (a run that finished, or one whose manifest predates reasons). */
        public Entry(Path dir, String workflowName, String algorithm, String status, String startedAt, int seeds,
                     long handoffs, Double meanReturn, Double meanReturnCi95) {
            this(dir, workflowName, algorithm, status, startedAt, seeds, handoffs, meanReturn, meanReturnCi95, null);
        }
    }

    private RunFolders() {
    }

    /** Where the workbench keeps live runs of a workflow: {@code ~/.handoff-workbench/runs/<name>} unless overridden. */
    public static Path defaultRoot(String workflowName) {
        String base = System.getProperty("handoff.runs", System.getProperty("user.home") + "/.handoff-workbench/runs");
        String safe = workflowName == null || workflowName.isBlank() ? "untitled" : workflowName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(base, safe);
    }

    public static List<Entry> list(Path root, String workflowName) {
        List<Entry> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path m = d.resolve("manifest.json");
                if (!Files.isRegularFile(m)) {
                    continue;
                }
                try {
                    JsonNode n = json.readTree(m.toFile());
                    if (workflowName != null && !workflowName.equals(n.path("workflowName").asText())) {
                        continue;
                    }
                    // a failed run's J means nothing (a diverged learner's greedy policy, or a run cut short): none shown
                    JsonNode s = RunManifest.FAILED.equals(n.path("status").asText()) ? MissingNode.getInstance()
                            : n.path("summary");
                    out.add(new Entry(d, n.path("workflowName").asText(), n.path("algorithm").asText(),
                            RunFolder.statusOf(d, n.path("status").asText()), n.path("startedAt").asText(),
                            n.path("seeds").size(), n.path("handoffs").asLong(),
                            s.has("meanReturn") ? s.path("meanReturn").asDouble() : null,
                            s.has("meanReturnCi95") ? s.path("meanReturnCi95").asDouble() : null,
                            n.has("reason") ? n.path("reason").asText() : null));
                } catch (IOException e) {
                    // a damaged manifest is not a run we can show
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparing(Entry::startedAt).reversed().thenComparing(e -> e.dir().toString()));
        return out;
    }
}
