package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run folders, bundles and sweep files the CLI writes, compared byte for byte with the ones the code wrote before the
 * training-session redesign (issue 14): checkpoints, {@code metrics.csv}, {@code components.csv}, bundles and
 * {@code sweep.csv} whole; manifests and summaries without what differs from run to run (times, the folder's path).
 * The golden files under {@code src/test/resources/golden-runs/} were recorded with
 * {@code -Dgolden.record=<that folder>}; only pure-Java learners are here, whose numbers do not depend on the CPU
 * (neural runs are compared by {@code scripts/compare-run-folders.sh}).
 */
class RunFolderGoldenTest {
    private static final String RECORD = System.getProperty("golden.record");
    private static final List<String> VOLATILE = List.of("startedAt", "finishedAt", "wallSeconds", "handoffsPerSecond",
            "runDir", "java");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String sample(String name) {
        return CliContractTest.samples().resolve(name).toString();
    }

    private static Path golden(String name) {
        Path root = RECORD != null ? Path.of(RECORD) : Path.of("src/test/resources/golden-runs");
        return root.resolve(name);
    }

    @Test
    void tabularRunWithPeriodicCheckpointsMatchesTheRecordedRunFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("tabular-gap");
        assertThat(HandoffCli.run("train", sample("synthetic-gap.workflow.json"), "--algo", "icq-tabular", "--seeds", "1..2",
                "--handoffs", "200000", "--checkpoint-every", "70000", "--threads", "2", "--out", run.toString())).isZero();
        check(run, "tabular-gap");

        Path bundle = dir.resolve("bundle");
        assertThat(HandoffCli.run("export", run.toString(), "--seed", "2", "--out", bundle.toString(), "--format", "csv"))
                .isZero();
        check(bundle, "tabular-gap-bundle-seed2");
    }

    @Test
    void resumedRunEndsAsTheRecordedUninterruptedOne(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("resumed");
        assertThat(HandoffCli.run("train", sample("synthetic-gap.workflow.json"), "--algo", "icq-tabular", "--seeds", "1..2",
                "--handoffs", "100000", "--threads", "2", "--out", run.toString())).isZero(); // window-aligned
        assertThat(HandoffCli.run("train", "--resume", run.toString(), "--handoffs", "200000", "--threads", "2")).isZero();
        if (RECORD == null) {
            compareFiles(run, golden("tabular-gap"), List.of("metrics.csv", "components.csv",
                    "checkpoints/icq-tabular-seed1.ckpt", "checkpoints/icq-tabular-seed2.ckpt"));
        }
    }

    @Test
    void oracleAndIndependentRunsMatchTheRecordedRunFolders(@TempDir Path dir) throws Exception {
        Path oracle = dir.resolve("oracle-ring10");
        assertThat(HandoffCli.run("train", sample("synthetic-ring10.workflow.json"), "--algo", "oracle", "--seed", "3",
                "--handoffs", "100000", "--out", oracle.toString())).isZero();
        check(oracle, "oracle-ring10");
        Path independent = dir.resolve("independent-gap");
        assertThat(HandoffCli.run("train", sample("synthetic-gap.workflow.json"), "--algo", "independent", "--seed", "4",
                "--handoffs", "100000", "--out", independent.toString())).isZero();
        check(independent, "independent-gap");
    }

    @Test
    void llmMathRunMatchesTheRecordedRunFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("llm-math");
        assertThat(HandoffCli.run("train", sample("llm-math-mixtral-gpt4.workflow.json"), "--algo", "icq-tabular", "--seed",
                "1", "--handoffs", "60000", "--out", run.toString())).isZero();
        check(run, "llm-math");
    }

    @Test
    void handoffsSweepMatchesTheRecordedSweepCsv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        assertThat(HandoffCli.run("sweep", sample("synthetic-gap.workflow.json"), "--axis", "handoffs", "--values",
                "10000,50000", "--seeds", "1..2", "--algo", "icq-tabular,independent", "--out", out.toString())).isZero();
        if (RECORD != null) {
            record(out, "sweep-handoffs", List.of("sweep.csv"));
        } else {
            compareFiles(out, golden("sweep-handoffs"), List.of("sweep.csv"));
        }
    }

    /** Records {@code folder} as the golden {@code name}, or compares it with it. */
    private void check(Path folder, String name) throws IOException {
        List<String> files = files(folder);
        if (RECORD != null) {
            record(folder, name, files);
            return;
        }
        assertThat(files).as(name + ": the files written").containsExactlyInAnyOrderElementsOf(files(golden(name)));
        compareFiles(folder, golden(name), files);
    }

    private static void record(Path folder, String name, List<String> files) throws IOException {
        for (String f : files) {
            Path target = golden(name).resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(folder.resolve(f), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void compareFiles(Path actual, Path expected, List<String> files) throws IOException {
        for (String f : files) {
            if (f.endsWith(".json") && (f.endsWith("manifest.json") || f.endsWith("summary.json"))) {
                assertThat(stable(actual.resolve(f))).as(f).isEqualTo(stable(expected.resolve(f)));
            } else if (f.endsWith(".ckpt")) {
                assertThat(checkpointPayload(actual.resolve(f))).as(f).isEqualTo(checkpointPayload(expected.resolve(f)));
            } else if (f.endsWith("components.csv")) { // seeds trained in parallel append their readings as they come
                assertThat(Files.readAllLines(actual.resolve(f))).as(f)
                        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(expected.resolve(f)));
            } else if (f.endsWith(".csv") || f.endsWith(".json")) {
                assertThat(Files.readString(actual.resolve(f))).as(f).isEqualTo(Files.readString(expected.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(actual.resolve(f))).as(f).isEqualTo(Files.readAllBytes(expected.resolve(f)));
            }
        }
    }

    /** The state a checkpoint holds (without the checksum trailer checkpoints have carried since). */
    private static byte[] checkpointPayload(Path file) throws IOException {
        return dev.handoff.train.RunCheckpoints.payload(file);
    }

    /** A manifest or summary without the fields that differ between two runs of the same thing. */
    private static JsonNode stable(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        strip(n);
        return n;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            VOLATILE.forEach(o::remove);
            o.forEach(RunFolderGoldenTest::strip);
        }
    }

    /**
     * Files under {@code folder}, relative, with '/' separators; without the checkpoints a newer one replaced
     * ({@code *.ckpt.prev}, kept since the golden files were recorded to fall back to).
     */
    private static List<String> files(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith(dev.handoff.train.RunCheckpoints.PREVIOUS)).forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
