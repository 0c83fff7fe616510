package dev.handoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunCheckpoints;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunLock;
import dev.handoff.train.RunManifest;
import dev.handoff.train.SeedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code handoff train} when things go wrong: nothing left to resume (issue 18.4), a diverging run, an output folder
 * that cannot be written, a disk that fills up, a process killed with SIGKILL (issue 18.9).
 */
class TrainFaultsCliTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String gap() {
        return CliContractTest.samples().resolve("synthetic-gap.workflow.json").toString();
    }

    private static JsonNode manifest(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunManifest.FILE).toFile());
    }

    private List<String> stderrLines() {
        return console.stderr().lines().toList();
    }

    @Test
    void resumingToTheCheckpointedCountFinishesAtOnceSayingSo(@TempDir Path dir) {
        Path run = dir.resolve("run");
        assertThat(HandoffCli.run("train", gap(), "--seed", "1", "--handoffs", "200000", "--out", run.toString())).isZero();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> HandoffCli.run("train", "--resume", run.toString(), "--handoffs", "200000"));
        assertThat(code).isZero();
        assertThat(console.stderr()).contains("nothing to train, every seed is already at 200000 handoffs");
        assertThat(HandoffCli.run("train", "--resume", run.toString(), "--handoffs", "100000")).isEqualTo(2);
        assertThat(console.stderr()).contains("already at 200000 handoffs");
    }

    @Test
    void aDivergingRunExitsOneWithOneLineSayingWhereAndItsFolderSaysFailed(@TempDir Path dir) throws Exception {
        ObjectNode w = (ObjectNode) new ObjectMapper().readTree(Path.of(gap()).toFile());
        ((ObjectNode) w.path("environment").path("parameters")).put("rGoal", 1e300); // rewards that overflow Q
        Path file = dir.resolve("huge-reward.workflow.json");
        new ObjectMapper().writeValue(file.toFile(), w);
        assertThat(HandoffCli.run("validate", file.toString())).as("a valid workflow").isZero();

        Path run = dir.resolve("run");
        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> HandoffCli.run("train", file.toString(),
                "--seed", "1", "--handoffs", "5000000", "--out", run.toString()));
        assertThat(code).isEqualTo(1);
        String last = stderrLines().get(stderrLines().size() - 1);
        assertThat(last).startsWith("handoff train: failed: diverged (icq-tabular, seed 1): agent a")
                .containsPattern("view \"progress=\\d+, busy=[01]\": TD error \\S+ at handoff \\d+").contains(run.toString());
        assertThat(manifest(run).path("status").asText()).isEqualTo(RunManifest.FAILED);
        assertThat(manifest(run).path("reason").asText()).startsWith("diverged (icq-tabular, seed 1): agent a");
        assertThat(console.stdout().lines().reduce((a, b) -> b).orElseThrow()).contains("\"status\":\"failed: diverged");
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "not a folder");
        assertThat(HandoffCli.run("train", gap(), "--seed", "1", "--handoffs", "5000000", "--out",
                file.resolve("run").toString())).isEqualTo(2);
        assertThat(stderrLines()).singleElement().asString().startsWith("handoff train: cannot write the run folder")
                .contains("results");
        assertThat(console.stdout()).isEmpty();
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        ReadOnlyFolder.make(locked);
        try {
            assertThat(HandoffCli.run("train", gap(), "--seed", "1", "--handoffs", "5000000", "--out",
                    locked.resolve("run").toString())).isEqualTo(2);
            assertThat(stderrLines()).singleElement().asString().startsWith("handoff train: cannot write the run folder")
                    .contains("locked");
            assertThat(console.stdout()).isEmpty();
        } finally {
            ReadOnlyFolder.undo(locked);
        }
    }

    @Test
    void aDiskThatFillsUpStopsTheRunCleanlyKeepingItsLastGoodCheckpoint(@TempDir Path dir) throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        SmallDisk.mount(small, "64k"); // room for the first checkpoints, not for many more
        try {
            Path run = small.resolve("run");
            int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> HandoffCli.run("train", gap(), "--seeds",
                    "1..2", "--handoffs", "40000000", "--checkpoint-every", "100000", "--out", run.toString()));
            assertThat(code).isEqualTo(1);
            assertThat(stderrLines().get(stderrLines().size() - 1)).startsWith("handoff train: failed:")
                    .contains("No space left on device");
            try (Stream<Path> files = Files.walk(run)) {
                assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
            }
            assertThat(run.resolve(RunLock.FILE)).doesNotExist();
            String status = RunFolder.open(run).status();
            assertThat(status).isIn(RunManifest.FAILED, RunManifest.INTERRUPTED); // a manifest may not fit either
            // the seeds train in parallel: under load one may not reach its first checkpoint before the disk is full,
            // but every checkpoint that was written is whole (checksum verified) and at least one seed has one
            int restoredSeeds = 0;
            for (long seed : List.of(1L, 2L)) {
                if (Files.exists(run.resolve("checkpoints").resolve("icq-tabular-seed" + seed + ".ckpt"))) {
                    try (SeedRun restored = RunFolder.open(run).restore(seed, 40_000_000)) {
                        assertThat(restored.handoffs()).isPositive(); // the newest good checkpoint
                        restoredSeeds++;
                    }
                }
            }
            assertThat(restoredSeeds).isPositive();
        } finally {
            SmallDisk.unmount(small);
        }
    }

    @Test
    void aRunKilledWithSigkillReadsAsInterruptedAndResumesToTheUninterruptedFiles(@TempDir Path dir) throws Exception {
        String ring = CliContractTest.samples().resolve("synthetic-ring10.workflow.json").toString();
        Path killed = dir.resolve("killed");
        Process child = ChildCli.start(dir, "train", ring, "--seeds", "1..2", "--threads", "1", "--handoffs", "400000000",
                "--checkpoint-every", "300000", "--out", killed.toString());
        try {
            Path second = RunCheckpoints.previousOf(RunCheckpoints.fileOf(killed, Algorithm.ICQ_TABULAR, 2));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!Files.exists(second) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50); // until seed 2 has written two checkpoints
            }
            assertThat(child.isAlive()).as("the child is still training").isTrue();
            assertThat(RunFolder.open(killed).status()).isEqualTo(RunManifest.RUNNING);
            assertThat(HandoffCli.run("train", "--resume", killed.toString())).as("a live run is not resumed twice")
                    .isEqualTo(2);
            assertThat(console.stderr()).contains("still training");
        } finally {
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
        }
        assertThat(manifest(killed).path("status").asText()).isEqualTo(RunManifest.RUNNING);
        assertThat(RunFolder.open(killed).status()).isEqualTo(RunManifest.INTERRUPTED);

        long target = 0;
        for (long seed : List.of(1L, 2L)) {
            try (SeedRun restored = RunFolder.open(killed).restore(seed, Long.MAX_VALUE)) {
                target = Math.max(target, restored.handoffs());
            }
        }
        target = (target / 50_000 + 2) * 50_000; // window-aligned, past both checkpoints
        assertThat(HandoffCli.run("train", "--resume", killed.toString(), "--handoffs", String.valueOf(target))).isZero();
        Path straight = dir.resolve("straight");
        assertThat(HandoffCli.run("train", ring, "--seeds", "1..2", "--threads", "1", "--handoffs", String.valueOf(target),
                "--out", straight.toString())).isZero();
        for (long seed : List.of(1L, 2L)) {
            assertThat(RunCheckpoints.payload(RunCheckpoints.fileOf(killed, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(RunCheckpoints.payload(RunCheckpoints.fileOf(straight, Algorithm.ICQ_TABULAR, seed)));
        }
        assertThat(Files.readString(killed.resolve("metrics.csv"))).isEqualTo(Files.readString(straight.resolve("metrics.csv")));
        assertThat(RunFolder.open(killed).status()).isEqualTo(RunManifest.FINISHED);
    }
}
