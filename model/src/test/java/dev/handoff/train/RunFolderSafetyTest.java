package dev.handoff.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.train.live.DivergentSettings;
import dev.handoff.train.live.RunFolders;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Run folders that survive crashes and say what happened: the manifest's status and reason, the lock that tells a
 * running run from an interrupted one, checksummed checkpoints that fall back to the previous good one, a resume that
 * has nothing to do, a divergence that ends a headless run as failed naming where, and a folder that cannot be written.
 */
class RunFolderSafetyTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.05);
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrainingPlan plan(Workflow w, long handoffs, Path out) {
        return TrainingPlan.of(w, KIND, List.of(Algorithm.ICQ_TABULAR), List.of(1L, 2L), handoffs).withParallelism(2)
                .withOutput(TrainingPlan.Output.into(out));
    }

    private static JsonNode manifest(Path dir) throws Exception {
        return JSON.readTree(dir.resolve(RunManifest.FILE).toFile());
    }

    @Test
    void aRunHoldsItsLockWhileTrainingAndEndsFinishedWithNoLockLeft(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingSession session = TrainingSession.create(plan(GAP, 2_000_000, run));
        session.open();
        assertThat(manifest(run).path("status").asText()).isEqualTo(RunManifest.RUNNING);
        assertThat(RunFolder.open(run).status()).isEqualTo(RunManifest.RUNNING);
        assertThatThrownBy(() -> TrainingSession.resume(run, null, p -> p)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("still training");
        session.run().start();
        List<TrainingSummary> s = session.finish(session.run().await());
        session.close();
        assertThat(s.get(0).status()).isEqualTo("finished");
        assertThat(manifest(run).path("status").asText()).isEqualTo(RunManifest.FINISHED);
        assertThat(manifest(run).has("reason")).isFalse();
        assertThat(run.resolve(RunLock.FILE)).doesNotExist();
    }

    @Test
    void aRunningManifestWhoseProcessIsGoneReadsAsInterruptedAndResumes(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 100_000, 2), run,
                null);
        // what a killed process leaves: the manifest still says running, and a lock file nobody holds
        String finished = Files.readString(run.resolve(RunManifest.FILE));
        Files.writeString(run.resolve(RunManifest.FILE), finished.replace("\"status\" : \"finished\"", "\"status\" : \"running\""));
        Files.writeString(run.resolve(RunLock.FILE), "process 999999\n");

        assertThat(RunFolder.open(run).status()).isEqualTo(RunManifest.INTERRUPTED);
        assertThat(RunFolders.list(dir, GAP.name())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(RunManifest.INTERRUPTED));
        TrainingSession.Result r = TrainingSession.resume(run, 200_000L, p -> p).runToEnd(null);
        assertThat(r.summary().status()).isEqualTo("finished");
        assertThat(RunFolder.open(run).status()).isEqualTo(RunManifest.FINISHED);
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOneAndSaysSo(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 200_000, 2,
                100_000), run, null);
        Path newest = RunCheckpoints.fileOf(run, Algorithm.ICQ_TABULAR, 1);
        Path previous = RunCheckpoints.previousOf(newest);
        assertThat(previous).exists();
        try (SeedRun atPrevious = RunFolder.open(run).restore(1, 200_000)) {
            assertThat(atPrevious.handoffs()).isEqualTo(200_000);
        }
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x10; // one flipped bit in the state
        Files.write(newest, bytes);

        List<String> fallbacks = new ArrayList<>();
        try (SeedRun restored = RunFolder.open(run).restore(1, 200_000, fallbacks)) {
            assertThat(restored.handoffs()).isEqualTo(2 * 65_536); // the periodic one: the first chunk end past 100,000
        }
        assertThat(fallbacks).singleElement().asString().contains("seed 1").contains("checksum does not match")
                .contains("previous checkpoint, at 131072 handoffs");

        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 3)); // a half-written file
        Files.write(previous, Arrays.copyOf(Files.readAllBytes(previous), 100));
        assertThatThrownBy(() -> RunFolder.open(run).restore(1, 200_000)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("seed 1").hasMessageContaining("previous one too");
    }

    @Test
    void aCheckpointWrittenBeforeCheckpointsHadATrailerIsStillRead(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L), 100_000, 1), run, null);
        Path file = RunCheckpoints.fileOf(run, Algorithm.ICQ_TABULAR, 1);
        Files.write(file, RunCheckpoints.payload(file)); // as the workbench wrote them until now: the state alone
        try (SeedRun restored = RunFolder.open(run).restore(1, 100_000)) {
            assertThat(restored.handoffs()).isEqualTo(100_000);
        }
    }

    @Test
    void resumingToTheCheckpointedCountFinishesAtOnceAndToFewerIsRefused(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        HeadlessTraining.run(new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 200_000, 2), run,
                null);
        byte[] before = Files.readAllBytes(RunCheckpoints.fileOf(run, Algorithm.ICQ_TABULAR, 2));
        TrainingSession.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> TrainingSession.resume(run, 200_000L, p -> p).runToEnd(null));
        assertThat(r.summary().status()).isEqualTo("finished");
        assertThat(r.summary().handoffs()).isEqualTo(200_000);
        assertThat(RunCheckpoints.payload(RunCheckpoints.fileOf(run, Algorithm.ICQ_TABULAR, 2)))
                .isEqualTo(RunCheckpoints.payload(writeTo(dir.resolve("before.ckpt"), before)));
        assertThatThrownBy(() -> TrainingSession.resume(run, 100_000L, p -> p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already at 200000 handoffs");
        assertThat(RunFolder.open(run).status()).as("a refused resume leaves the folder as it was").isEqualTo(RunManifest.FINISHED);
    }

    private static Path writeTo(Path file, byte[] bytes) throws Exception {
        return Files.write(file, bytes);
    }

    @Test
    void aDivergingHeadlessRunEndsFailedNamingTheAgentTheViewAndTheHandoff(@TempDir Path dir) throws Exception {
        Workflow w = GAP.withTraining(GAP.training().withStepSize(StepSizeSpec.constant(DivergentSettings.ALPHA))
                .withGamma(DivergentSettings.GAMMA));
        Path run = dir.resolve("run");
        TrainingSession.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> TrainingSession.create(plan(w, 20_000_000, run)).runToEnd(null));
        TrainingSummary s = r.summary();
        assertThat(s.status()).startsWith("failed: diverged (icq-tabular, seed ");
        assertThat(s.status()).containsPattern("agent a\\d, view \"progress=\\d+, busy=[01]\": TD error \\S+ at handoff \\d+");
        JsonNode m = manifest(run);
        assertThat(m.path("status").asText()).isEqualTo(RunManifest.FAILED);
        assertThat(m.path("reason").asText()).startsWith("diverged (icq-tabular, seed ").contains("at handoff");
        assertThat(r.trainers()).allSatisfy(t -> assertThat(t.handoffs()).isLessThan(20_000_000));
        assertThat(run.resolve(RunLock.FILE)).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforeAnyTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        TrainingSession session = TrainingSession.create(plan(GAP, 200_000, file.resolve("run")));
        assertThatThrownBy(() -> session.runToEnd(null)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("not-a-folder");
        assertThat(session.trainers()).allSatisfy(t -> assertThat(t.handoffs()).isZero());
        assertThat(session.released()).isTrue();
    }

    @Test
    void wallTimeCheckpointsAreWrittenWhileTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingSession.create(plan(GAP, 600_000, run).withParallelism(1)
                .withCheckpointing(new Checkpointing(0, Duration.ofNanos(1)))).runToEnd(null);
        // every chunk of 65,536 handoffs wrote one; the one before the end is kept as .prev
        try (SeedRun previous = SeedRuns.create(GAP, KIND, Algorithm.ICQ_TABULAR, 1, 600_000, null)) {
            RunCheckpoints.restore(RunCheckpoints.previousOf(RunCheckpoints.fileOf(run, Algorithm.ICQ_TABULAR, 1)), previous);
            assertThat(previous.handoffs()).isPositive().isLessThan(600_000).isEqualTo(9 * 65_536);
        }
    }

    @Test
    void theScheduleIsDueByCountAndByTime() {
        SeedRun t = SeedRuns.create(GAP, KIND, Algorithm.ICQ_TABULAR, 1, 1_000_000, null);
        Checkpointing.Schedule byCount = new Checkpointing(70_000, Duration.ZERO).schedule();
        byCount.begin(List.of(t), 0);
        t.runUntil(65_536, null);
        assertThat(byCount.due(t, 0)).isFalse();
        t.runUntil(131_072, null);
        assertThat(byCount.due(t, 0)).isTrue();
        assertThat(byCount.due(t, 0)).as("the next is at 140,000").isFalse();

        Checkpointing.Schedule byTime = new Checkpointing(0, Duration.ofMinutes(5)).schedule();
        byTime.begin(List.of(t), 0);
        assertThat(byTime.due(t, Duration.ofMinutes(4).toNanos())).isFalse();
        assertThat(byTime.due(t, Duration.ofMinutes(5).toNanos())).isTrue();
        assertThat(byTime.due(t, Duration.ofMinutes(6).toNanos())).isFalse();
        t.runUntil(1_000_000, null);
        assertThat(byTime.due(t, Duration.ofHours(1).toNanos())).as("the end writes the last one").isFalse();
    }
}
