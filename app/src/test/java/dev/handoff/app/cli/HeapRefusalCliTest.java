package dev.handoff.app.cli;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "a workflow whose joint model or Q-table would not fit in the heap is refused up front with the size it
 * would need, never an OutOfMemoryError": the real CLI in a JVM with a 256 MB heap, on workflows just over and just
 * under that heap's budget (75% of it, max-heap-percent).
 */
class HeapRefusalCliTest {
    private static final String HEAP = "-Xmx256m";

    /** A ring of {@code agents} synthetic agents: 36 joint states each, 6 actions per agent. */
    private static Path ring(Path dir, int agents) throws IOException {
        Path file = dir.resolve("ring" + agents + ".workflow.json");
        WorkflowJson.write(SyntheticTemplates.ring("ring " + agents, agents, 1.0, 0.05), file);
        return file;
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private static Outcome handoff(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), HandoffCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("handoff %s finished", String.join(" ", args)).isTrue();
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void oracleTablesJustOverTheHeapAreRefusedBeforeTrainingAndNothingIsWritten(@TempDir Path dir) throws Exception {
        // 150 agents × 5,400 joint states × 6 actions × 16 bytes × 3 seeds ≈ 233 MB, over 75% of a 256 MB heap
        Outcome o = handoff(dir, "train", ring(dir, 150).toString(), "--algo", "oracle", "--seeds", "1..3",
                "--handoffs", "2000", "--out", "run");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr().strip()).startsWith("the Q-tables of 3 seeds of oracle (150 agents, up to 32400 entries each)"
                + " would need 222.5 MB, more than max-heap-percent = 75% of the").contains("-Xmx");
        assertThat(o.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void oracleTablesJustUnderTheHeapTrain(@TempDir Path dir) throws Exception {
        // 110 agents: ≈ 120 MB of tables, within the budget
        Outcome o = handoff(dir, "train", ring(dir, 110).toString(), "--algo", "oracle", "--seeds", "1..3",
                "--handoffs", "2000");
        assertThat(o.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(o.exit()).isZero();
        assertThat(o.stdout().strip().lines().reduce((a, b) -> b).orElseThrow()).contains("\"status\":\"finished\"");
    }

    @Test
    void exactAnalysisJustOverTheHeapIsRefusedBeforeItStarts(@TempDir Path dir) throws Exception {
        // 150 agents: 5,400 joint states, and the occupancy needs a dense 5,400 × 5,400 matrix (222 MB) on top
        Outcome o = handoff(dir, "exact", ring(dir, 150).toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.stderr().strip()).startsWith("the exact analysis of this workflow (5400 joint states, a dense 5400×5400"
                + " matrix) would need ").contains("MB, more than max-heap-percent = 75% of the");
        assertThat(o.stdout()).isEmpty();
    }
}
