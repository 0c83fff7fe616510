package dev.handoff.train;

import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.learn.neural.ScalarMode;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neural run checkpointed midway (weights, target network, Adam moments and step counts, replay, mirrors, RNGs) and
 * resumed in a fresh trainer ends bit-identical to the same run uninterrupted.
 */
@Tag(TorchDeterminism.TAG) // compares two neural runs bit for bit: see TorchDeterminism
class NeuralResumeTest {
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final long BUDGET = 4_000;

    private static Workflow sample() {
        Workflow w = SyntheticTemplates.ring("ring6", 6, 1.0, 0.05);
        return w.withTraining(w.training().withEpsilon(new EpsilonSpec(1.0, 0.2, BUDGET / 2)).withHandoffs(BUDGET));
    }

    private static Workflow sampleWithShortWindows() {
        Workflow w = SyntheticTemplates.ring("ring6", 6, 1.0, 0.05);
        var t = w.training().withEpsilon(new EpsilonSpec(1.0, 0.2, BUDGET / 2)).withHandoffs(BUDGET);
        // windows of 500 handoffs, so a run stopped at 1 500 closes no partial window the uninterrupted run lacks
        return w.withTraining(new dev.handoff.workflow.TrainingSettings(t.algorithm(), t.gamma(), t.stepSize(), t.epsilon(),
                t.handoffs(), t.seeds(), 500));
    }

    private static byte[] checkpoint(NeuralSeedTrainer t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            t.saveState(w);
        }
        return bytes.toByteArray();
    }

    @Test
    void resumedNeuralRunIsBitIdenticalToTheUninterruptedOne() {
        Workflow w = sample();
        for (ScalarMode mode : List.of(ScalarMode.STORED, ScalarMode.REQUERY)) {
            NeuralSettings s = NeuralSettings.DEFAULTS.withWidth(16).withScalarMode(mode);
            List<TrainingWindow> straightWindows = new ArrayList<>();
            List<TrainingWindow> resumedWindows = new ArrayList<>();
            try (NeuralSeedTrainer straight = new NeuralSeedTrainer(w, KIND, s, Algorithm.ICQ_NEURAL, 9, BUDGET);
                 NeuralSeedTrainer first = new NeuralSeedTrainer(w, KIND, s, Algorithm.ICQ_NEURAL, 9, BUDGET);
                 NeuralSeedTrainer second = new NeuralSeedTrainer(w, KIND, s, Algorithm.ICQ_NEURAL, 9, BUDGET)) {
                straight.runUntil(BUDGET, straightWindows::add);
                first.runUntil(1_777, resumedWindows::add); // past warm-up and mid-window: Adam has moments
                assertThat(first.learner(0).trainingSteps()).isPositive();
                byte[] saved = checkpoint(first);
                try (StateReader r = new StateReader(new ByteArrayInputStream(saved))) {
                    second.restoreState(r);
                }
                assertThat(checkpoint(second)).as("restored state re-saves identically").isEqualTo(saved);
                second.runUntil(BUDGET, resumedWindows::add);

                assertThat(checkpoint(second)).as(mode.name()).isEqualTo(checkpoint(straight));
                assertThat(second.learner(2).trainingSteps()).isEqualTo(straight.learner(2).trainingSteps()).isPositive();
                assertThat(resumedWindows).hasSameSizeAs(straightWindows).isNotEmpty();
                for (int i = 0; i < straightWindows.size(); i++) {
                    assertThat(resumedWindows.get(i).meanEpisodeReturn()).isEqualTo(straightWindows.get(i).meanEpisodeReturn());
                }
            }
        }
    }
    @Test
    void resumingANeuralRunFolderMatchesTheUninterruptedRunFolder(@TempDir Path dir) throws Exception {
        Workflow w = sampleWithShortWindows();
        NeuralSettings s = NeuralSettings.DEFAULTS.withWidth(16);
        HeadlessTraining.run(new HeadlessTraining.Request(w, KIND, Algorithm.ICQ_NEURAL, List.of(1L, 2L), BUDGET, 1, 0, s),
                dir.resolve("straight"), null);
        HeadlessTraining.run(new HeadlessTraining.Request(w, KIND, Algorithm.ICQ_NEURAL, List.of(1L, 2L), 1_500, 1, 0, s),
                dir.resolve("resumed"), null);
        HeadlessTraining.Result resumed = HeadlessTraining.resume(dir.resolve("resumed"), BUDGET, 1, 1_000, null);

        assertThat(resumed.summary().handoffs()).isEqualTo(BUDGET);
        assertThat(resumed.summary().status()).isEqualTo("finished");
        assertThat(Files.readAllLines(dir.resolve("straight/metrics.csv"))).hasSize(1 + 2 * (int) (BUDGET / 500));
        for (String seed : List.of("1", "2")) {
            Path a = dir.resolve("straight/checkpoints/icq-neural-seed" + seed + ".ckpt");
            Path b = dir.resolve("resumed/checkpoints/icq-neural-seed" + seed + ".ckpt");
            assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
            Path na = dir.resolve("straight/networks/icq-neural-seed" + seed + "/a1.network.json");
            Path nb = dir.resolve("resumed/networks/icq-neural-seed" + seed + "/a1.network.json");
            assertThat(Files.readString(nb)).isEqualTo(Files.readString(na));
        }
        assertThat(Files.readAllLines(dir.resolve("resumed/metrics.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("straight/metrics.csv")));
    }

    /**
     * PyTorch keeps its OpenMP/MKL thread count per calling thread: a seed must train to the same bits on the thread that
     * started DJL, on a fresh thread, and when it moves between threads midway (a live run's step, resume and the CLI
     * each train on threads of their own).
     */
    @Test
    void aNeuralSeedTrainsToTheSameBitsOnWhicheverThreadsItRuns() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("sample-workflows"))) {
            root = root.getParent();
        }
        Workflow w = dev.handoff.env.WorkflowLoading.loadValid(root.resolve("sample-workflows/synthetic-gap.workflow.json"));
        var kind = dev.handoff.env.WorkflowLoading.kindOf(w);
        long budget = 6_000;
        byte[] here;
        try (NeuralSeedTrainer t = new NeuralSeedTrainer(w, kind, NeuralSettings.DEFAULTS, Algorithm.ICQ_NEURAL, 1, budget)) {
            t.runUntil(budget, null);
            here = checkpoint(t);
        }
        byte[][] elsewhere = new byte[2][];
        try (NeuralSeedTrainer fresh = new NeuralSeedTrainer(w, kind, NeuralSettings.DEFAULTS, Algorithm.ICQ_NEURAL, 1, budget);
             NeuralSeedTrainer moving = new NeuralSeedTrainer(w, kind, NeuralSettings.DEFAULTS, Algorithm.ICQ_NEURAL, 1, budget)) {
            onNewThread(() -> fresh.runUntil(budget, null));
            elsewhere[0] = checkpoint(fresh);
            moving.runUntil(2_500, null);
            onNewThread(() -> moving.runUntil(budget, null));
            elsewhere[1] = checkpoint(moving);
            assertThat(moving.learner(0).trainingSteps()).isPositive();
        }
        assertThat(elsewhere[0]).as("trained on a fresh thread").isEqualTo(here);
        assertThat(elsewhere[1]).as("moved to a fresh thread midway").isEqualTo(here);
    }

    private static void onNewThread(Runnable job) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                job.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "neural-resume-test-worker");
        t.start();
        t.join();
        assertThat(failure[0]).isNull();
    }
}
