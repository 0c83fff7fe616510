package dev.handoff.train;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code handoff train --seeds 1..N --threads K} (issue 16.4): the results are byte-identical whatever the number of
 * threads: every seed's checkpoint (tables, RNG states, simulator), every seed's rows of metrics.csv and
 * components.csv, and the summary's returns. Only the interleaving of different seeds' rows follows the order in
 * which the threads finish their windows.
 */
class ThreadCountIdentityTest {
    private static final Workflow RING = SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    /** The header, then each (algorithm, seed)'s rows in the order written. */
    private static Map<String, List<String>> rowsBySeed(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        Map<String, List<String>> rows = new TreeMap<>();
        rows.put("", List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 3);
            rows.computeIfAbsent(cells[0] + "," + cells[1], k -> new ArrayList<>()).add(line);
        }
        assertThat(rows).hasSize(SEEDS.size() + 1);
        return rows;
    }

    private static JsonNode returns(Path run) throws IOException {
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("returnsBySeed")).hasSize(SEEDS.size());
        return summary.get("returnsBySeed");
    }

    @Test
    void runFolderIsByteIdenticalOnOneTwoAndThreeThreads(@TempDir Path dir) throws Exception {
        for (int threads = 1; threads <= 3; threads++) {
            HeadlessTraining.run(new HeadlessTraining.Request(RING, new SyntheticKind(), Algorithm.ICQ_TABULAR, SEEDS,
                    300_000, threads), dir.resolve("threads" + threads), null);
        }
        for (int threads = 2; threads <= 3; threads++) {
            Path one = dir.resolve("threads1");
            Path other = dir.resolve("threads" + threads);
            for (long seed : SEEDS) {
                String ckpt = "checkpoints/icq-tabular-seed" + seed + ".ckpt";
                assertThat(Files.readAllBytes(other.resolve(ckpt))).as("%s on %d threads", ckpt, threads)
                        .isEqualTo(Files.readAllBytes(one.resolve(ckpt)));
            }
            for (String csv : List.of("metrics.csv", "components.csv")) {
                assertThat(rowsBySeed(other.resolve(csv))).as("%s on %d threads", csv, threads)
                        .isEqualTo(rowsBySeed(one.resolve(csv)));
            }
            assertThat(returns(other)).as("summary on %d threads", threads).isEqualTo(returns(one));
        }
    }
}
