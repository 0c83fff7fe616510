package dev.handoff.train;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run checkpointed and resumed midway ends bit-identical to the same run uninterrupted. */
class ResumeTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.05);
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final long BUDGET = 600_000;

    private static byte[] checkpoint(SeedTrainer t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            t.saveState(w);
        }
        return bytes.toByteArray();
    }

    @Test
    void resumedTabularRunIsBitIdenticalToTheUninterruptedOne() {
        for (Algorithm algo : List.of(Algorithm.ICQ_TABULAR, Algorithm.ORACLE, Algorithm.INDEPENDENT)) {
            List<TrainingWindow> straightWindows = new ArrayList<>();
            SeedTrainer straight = new SeedTrainer(GAP, KIND, algo, 5, BUDGET);
            straight.runUntil(BUDGET, straightWindows::add);

            List<TrainingWindow> resumedWindows = new ArrayList<>();
            SeedTrainer first = new SeedTrainer(GAP, KIND, algo, 5, BUDGET);
            first.runUntil(123_457, resumedWindows::add); // mid-window on purpose
            byte[] saved = checkpoint(first);
            SeedTrainer second = new SeedTrainer(GAP, KIND, algo, 5, BUDGET);
            try (StateReader r = new StateReader(new ByteArrayInputStream(saved))) {
                second.restoreState(r);
            }
            second.runUntil(BUDGET, resumedWindows::add);

            assertThat(checkpoint(second)).as(algo.cliName()).isEqualTo(checkpoint(straight));
            assertThat(resumedWindows).hasSameSizeAs(straightWindows);
            for (int i = 0; i < straightWindows.size(); i++) {
                assertThat(resumedWindows.get(i).meanEpisodeReturn()).isEqualTo(straightWindows.get(i).meanEpisodeReturn());
                assertThat(resumedWindows.get(i).meanAbsTdByAgent()).containsExactly(straightWindows.get(i).meanAbsTdByAgent());
            }
        }
    }

    @Test
    void resumingARunFolderMatchesTheUninterruptedRunFolder(@TempDir Path dir) throws Exception {
        HeadlessTraining.Request full = new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), BUDGET, 2, 0);
        HeadlessTraining.run(full, dir.resolve("straight"), null);
        HeadlessTraining.Request half = new HeadlessTraining.Request(GAP, KIND, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 250_000, 2, 0);
        HeadlessTraining.run(half, dir.resolve("resumed"), null);
        HeadlessTraining.Result resumed = HeadlessTraining.resume(dir.resolve("resumed"), BUDGET, 2, 0, null);

        assertThat(resumed.summary().handoffs()).isEqualTo(BUDGET);
        for (String seed : List.of("1", "2")) {
            Path a = dir.resolve("straight/checkpoints/icq-tabular-seed" + seed + ".ckpt");
            Path b = dir.resolve("resumed/checkpoints/icq-tabular-seed" + seed + ".ckpt");
            assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        }
        assertThat(Files.readAllLines(dir.resolve("resumed/metrics.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.csv")));
    }

    @Test
    void aCheckpointOfAnotherSeedOrACorruptedOneIsRefusedWithAReason() {
        SeedTrainer t = new SeedTrainer(GAP, KIND, Algorithm.ICQ_TABULAR, 5, BUDGET);
        t.runUntil(10_000, null);
        byte[] saved = checkpoint(t);
        SeedTrainer other = new SeedTrainer(GAP, KIND, Algorithm.ICQ_TABULAR, 6, BUDGET);
        assertThatThrownBy(() -> other.restoreState(new StateReader(new ByteArrayInputStream(saved))))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("seed 5");
        SeedTrainer same = new SeedTrainer(GAP, KIND, Algorithm.ICQ_TABULAR, 5, BUDGET);
        byte[] truncated = Arrays.copyOf(saved, saved.length / 2);
        assertThatThrownBy(() -> same.restoreState(new StateReader(new ByteArrayInputStream(truncated))))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("truncated");
    }
}
