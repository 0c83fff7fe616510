package dev.handoff.train.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.RunState;
import dev.handoff.train.TrainingWindow;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A live run trains off the caller's thread, feeds its rings, keeps full-resolution history and writes run folders. */
class LiveTrainingTest {
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        return p;
    }

    static Workflow gap() throws Exception {
        return WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/synthetic-gap.workflow.json"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void compareRunWritesOneFinishedRunFolderPerAlgorithmAndKeepsEveryWindow(@TempDir Path runs) throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.COMPARE,
                List.of(1L, 2L), 200_000, 2, runs));
        live.start();
        waitUntil(live::isClosed, 60_000);
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        assertThat(live.status().message()).contains("icq-tabular J =").contains("J* =");

        List<TrainingWindow> drained = new ArrayList<>();
        live.windows().drainTo(drained::add);
        assertThat(drained).hasSize(3 * 2 * 4); // 3 algorithms × 2 seeds × 200k/50k windows, each also in metrics.csv
        assertThat(live.greedyHistory()).isNotEmpty().allSatisfy(p -> assertThat(p.greedyReturn()).isFinite());
        assertThat(live.latestQ(Algorithm.ORACLE)).isNotNull();

        Map<Algorithm, Path> folders = live.runFolders();
        assertThat(folders).containsOnlyKeys(Algorithm.ICQ_TABULAR, Algorithm.ORACLE, Algorithm.INDEPENDENT);
        for (Path dir : folders.values()) {
            JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
            assertThat(manifest.path("status").asText()).isEqualTo("finished");
            assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(1 + 2 * 4);
            assertThat(dir.resolve("summary.json")).exists();
            assertThat(dir.resolve("workflow.json")).exists();
        }
        assertThat(RunFolders.list(runs, w.name())).hasSize(3);
    }

    @Test
    void compareRunReadsErrorComponentsOfIcqAndIndependentButNotTheOracleAndWritesComponentsCsv(@TempDir Path runs)
            throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.COMPARE,
                List.of(1L, 2L), 200_000, 2, runs));
        live.start();
        waitUntil(live::isClosed, 60_000);
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);

        List<ComponentPoint> readings = new ArrayList<>();
        live.components().drainTo(readings::add);
        // one reading per 5 000 handoffs asked for; tabular trainers read at their 50 000-handoff window ends, so 4 per
        // seed here, for IC-Q and independent (2 seeds each), none for the oracle
        assertThat(readings).hasSize(2 * 2 * 4);
        assertThat(readings).extracting(ComponentPoint::algorithm).doesNotContain(Algorithm.ORACLE);
        assertThat(readings).allSatisfy(p -> {
            assertThat(p.reading().components().total()).isFinite();
            assertThat(p.reading().components().closureHolds()).isTrue();
            assertThat(p.reading().components().neuralApprox()).isZero(); // tabular
        });

        Path icq = live.runFolders().get(Algorithm.ICQ_TABULAR);
        List<String> csv = Files.readAllLines(icq.resolve("components.csv"));
        assertThat(csv.get(0)).startsWith("algorithm,seed,handoffs,neural_approx");
        assertThat(csv).hasSize(1 + 2 * 4);
        assertThat(csv.get(1)).startsWith("icq-tabular,");
        assertThat(live.runFolders().get(Algorithm.ORACLE).resolve("components.csv")).doesNotExist();
        JsonNode summary = new ObjectMapper().readTree(icq.resolve("summary.json").toFile());
        assertThat(summary.path("components").path("closureHolds").asBoolean()).isTrue();
    }

    @Test
    void neuralRunTrainsOnOneThreadSnapshotsMirrorQValuesReadsComponentsAndFreesItsNetworks(@TempDir Path runs)
            throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.ICQ_NEURAL,
                List.of(1L, 2L), 20_000, 4, runs));
        live.start();
        waitUntil(live::isClosed, 120_000);
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        assertThat(live.status().message()).contains("icq-neural J =");
        assertThat(live.released()).isTrue();

        QSnapshot q = live.latestQ(Algorithm.ICQ_NEURAL);
        assertThat(q).isNotNull();
        assertThat(q.keyCount(0)).isEqualTo(dev.handoff.observe.InterfaceMaps.compile(w).get(0).viewCount());
        assertThat(java.util.Arrays.stream(q.q()[0]).allMatch(Double::isFinite)).isTrue();
        assertThat(java.util.Arrays.stream(q.q()[0]).distinct().count()).isGreaterThan(1);

        List<ComponentPoint> readings = new ArrayList<>();
        live.components().drainTo(readings::add);
        assertThat(readings).hasSize(2 * 40).allSatisfy(p -> {
            assertThat(p.algorithm()).isEqualTo(Algorithm.ICQ_NEURAL);
            assertThat(p.reading().components().neuralApprox()).isPositive();
        });
        List<TrainingWindow> windows = new ArrayList<>();
        live.windows().drainTo(windows::add);
        assertThat(windows).isNotEmpty().extracting(TrainingWindow::algorithm).containsOnly(Algorithm.ICQ_NEURAL);
        List<ActivitySample> activity = new ArrayList<>();
        live.activity().drainTo(activity::add);
        assertThat(activity).isNotEmpty();
        Path dir = live.runFolders().get(Algorithm.ICQ_NEURAL);
        assertThat(Files.readAllLines(dir.resolve("components.csv"))).hasSize(1 + 2 * 40);
        assertThat(dir.resolve("summary.json")).exists();
        // resumable like a CLI run folder: settings, checkpoints and networks
        dev.handoff.train.RunFolder folder = dev.handoff.train.RunFolder.open(dir);
        assertThat(folder.neuralSettings()).isEqualTo(dev.handoff.learn.neural.NeuralSettings.DEFAULTS);
        for (long seed : List.of(1L, 2L)) {
            assertThat(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_NEURAL, seed)).isRegularFile();
            assertThat(dev.handoff.train.RunFolder.networksDir(dir, Algorithm.ICQ_NEURAL, seed)).isDirectory();
            try (dev.handoff.train.SeedRun t = folder.restore(seed, 20_000)) {
                assertThat(t.handoffs()).isEqualTo(20_000);
            }
        }
    }

    @Test
    void pausedThenStoppedRunCheckpointsAtThePauseAndResumesInTheCliToTheUninterruptedCheckpoints(@TempDir Path runs,
                                                                                                 @TempDir Path cli) throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        long budget = 20_000_000;
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_TABULAR, List.of(1L, 2L),
                budget, 2, runs));
        live.start();
        live.pause();
        waitUntil(() -> live.pauseCheckpoints() == 1, 30_000);
        assertThat(live.pauseCheckpoints()).isEqualTo(1);
        Path dir = live.runFolders().get(Algorithm.ICQ_TABULAR);
        dev.handoff.train.RunFolder folder = dev.handoff.train.RunFolder.open(dir);
        long atPause = folder.restore(1L, budget).handoffs();
        assertThat(atPause).isPositive().isLessThan(budget);
        assertThat(atPause).isEqualTo(live.trainers().get(0).handoffs()); // the checkpoint is the paused state itself
        live.stop();
        waitUntil(live::isClosed, 30_000);
        assertThat(live.status().state()).isEqualTo(RunState.CANCELLED);

        dev.handoff.train.HeadlessTraining.resume(dir, null, 2, 0, null);
        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_TABULAR,
                List.of(1L, 2L), budget, 2), cli, null);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_TABULAR, seed)));
        }
    }

    @Test
    void pausedAndStoppedRunResumedLiveEndsWithTheUninterruptedCliCheckpointsAndMetricsRows(@TempDir Path runs,
                                                                                          @TempDir Path cli) throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        long budget = 10_000_000;
        LiveTraining first = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_TABULAR, List.of(1L, 2L),
                budget, 2, runs));
        first.start();
        first.pause();
        waitUntil(() -> first.pauseCheckpoints() == 1, 30_000);
        first.stop();
        waitUntil(first::isClosed, 30_000);
        Path dir = first.runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(first.trainers().get(0).handoffs()).isLessThan(budget);

        LiveTraining resumed = LiveTraining.resume(dir, null, 2);
        assertThat(resumed.trainers().get(0).handoffs()).isEqualTo(first.trainers().get(0).handoffs());
        resumed.start();
        waitUntil(resumed::isClosed, 60_000);
        assertThat(resumed.status().state()).isEqualTo(RunState.FINISHED);
        assertThat(resumed.runFolders()).containsEntry(Algorithm.ICQ_TABULAR, dir);

        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_TABULAR,
                List.of(1L, 2L), budget, 2), cli, null);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_TABULAR, seed)));
        }
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSameSizeAs(Files.readAllLines(cli.resolve("metrics.csv")));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("finished");
    }

    @Test
    void finishedTabularRunLeavesCheckpointsByteIdenticalToTheCli(@TempDir Path runs, @TempDir Path cli) throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_TABULAR, List.of(1L, 2L),
                200_000, 2, runs));
        live.start();
        waitUntil(live::isClosed, 60_000);
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_TABULAR,
                List.of(1L, 2L), 200_000, 1), cli, null);
        Path dir = live.runFolders().get(Algorithm.ICQ_TABULAR);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_TABULAR, seed)));
        }
    }

    @Tag(dev.handoff.train.TorchDeterminism.TAG) // compares two neural runs bit for bit: see TorchDeterminism
    @Test
    void neuralRunSteppedPausedStoppedAndResumedLiveEndsWithTheUninterruptedCliCheckpointsAndMetricsRows(@TempDir Path runs,
                                                                                                       @TempDir Path cli) throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        long budget = 12_000;
        LiveTraining first = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_NEURAL, List.of(1L, 2L),
                budget, 1, runs));
        first.step(4_000); // midway, past the replay warm-up: the networks have trained and Adam has moments
        waitUntil(() -> first.status().handoffsDone() == 2 * 4_000 && first.status().state() == RunState.PAUSED, 60_000);
        assertThat(first.status().handoffsDone()).isEqualTo(2 * 4_000);
        first.resume();
        first.pause(); // on another trainer thread than the step's; checkpoints at the next quiet point
        waitUntil(() -> first.pauseCheckpoints() == 1, 60_000);
        assertThat(first.pauseCheckpoints()).isEqualTo(1);
        first.stop();
        waitUntil(first::isClosed, 60_000);
        assertThat(first.status().state()).isEqualTo(RunState.CANCELLED);
        Path dir = first.runFolders().get(Algorithm.ICQ_NEURAL);
        assertThat(first.trainers().get(1).handoffs()).isLessThan(budget); // the second seed stopped midway
        dev.handoff.train.NeuralSeedTrainer stopped = (dev.handoff.train.NeuralSeedTrainer) first.trainers().get(1);
        assertThat(java.util.stream.IntStream.range(0, stopped.agentCount()).mapToLong(i -> stopped.learner(i).trainingSteps())
                .sum()).isPositive();

        LiveTraining resumed = LiveTraining.resume(dir, null, 1);
        assertThat(resumed.trainers().get(1).handoffs()).isEqualTo(first.trainers().get(1).handoffs());
        resumed.start();
        waitUntil(resumed::isClosed, 120_000);
        assertThat(resumed.status().state()).isEqualTo(RunState.FINISHED);
        assertThat(resumed.runFolders()).containsEntry(Algorithm.ICQ_NEURAL, dir);

        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_NEURAL,
                List.of(1L, 2L), budget, 1), cli, null);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_NEURAL, seed)))
                    .as("seed %d", seed)
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_NEURAL, seed)));
        }
        List<String> liveRows = Files.readAllLines(dir.resolve("metrics.csv"));
        List<String> cliRows = Files.readAllLines(cli.resolve("metrics.csv"));
        assertThat(liveRows.get(0)).isEqualTo(cliRows.get(0));
        assertThat(liveRows).hasSize(1 + 2).containsExactlyInAnyOrderElementsOf(cliRows);
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("finished");
    }

    @Tag(dev.handoff.train.TorchDeterminism.TAG) // compares two neural runs bit for bit: see TorchDeterminism
    @Test
    void finishedNeuralRunLeavesCheckpointsByteIdenticalToTheCli(@TempDir Path runs, @TempDir Path cli) throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_NEURAL, List.of(1L, 2L),
                6_000, 1, runs));
        live.start();
        waitUntil(live::isClosed, 60_000);
        assertThat(live.status().state()).isEqualTo(RunState.FINISHED);
        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_NEURAL,
                List.of(1L, 2L), 6_000, 1), cli, null);
        Path dir = live.runFolders().get(Algorithm.ICQ_NEURAL);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_NEURAL, seed)))
                    .as("seed %d", seed)
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_NEURAL, seed)));
        }
    }

    @Test
    void componentReadingsComeFortyTimesOverTheBudgetButAtLeastEveryTenWindows() throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        assertThat(LiveTraining.componentCadence(new LiveTraining.Request(w, kind, TrainingMode.COMPARE, List.of(1L),
                6_000_000, 1, null))).isEqualTo(150_000);
        assertThat(LiveTraining.componentCadence(new LiveTraining.Request(w, kind, TrainingMode.COMPARE, List.of(1L),
                500_000_000, 1, null))).isEqualTo(10 * 50_000);
        assertThat(LiveTraining.componentCadence(new LiveTraining.Request(w, kind, TrainingMode.COMPARE, List.of(1L),
                20, 1, null))).isEqualTo(1);
    }

    @Test
    void stoppingANeuralRunBeforeItStartsFreesItsNetworks() throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.ICQ_NEURAL,
                List.of(1L), 20_000, 1, null));
        live.stop();
        assertThat(live.isClosed()).isTrue();
        assertThat(live.released()).isTrue();
    }

    @Test
    void slowSpeedAdvancesAboutThePacedNumberOfHandoffsAndPausesHold() throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.ICQ_TABULAR,
                List.of(1L), 1_000_000, 1, null));
        live.setPace(100);
        live.start();
        Thread.sleep(1_000);
        long done = live.status().handoffsDone();
        assertThat(done).isBetween(20L, 400L); // 100 handoffs/s for 1 s, loosely: a shared machine
        // the clock counts the waits between paced steps, so the rate shown is the paced rate
        assertThat(live.status().activeSeconds()).isGreaterThan(0.8);
        assertThat(live.status().handoffsPerSecond()).isBetween(20.0, 400.0);
        live.pause();
        Thread.sleep(150);
        long paused = live.status().handoffsDone();
        Thread.sleep(300);
        assertThat(live.status().handoffsDone()).isEqualTo(paused);
        assertThat(live.status().state()).isEqualTo(RunState.PAUSED);
        live.step(7);
        waitUntil(() -> live.status().handoffsDone() == paused + 7, 5_000);
        assertThat(live.status().handoffsDone()).isEqualTo(paused + 7);
        List<ActivitySample> samples = new ArrayList<>();
        live.activity().drainTo(samples::add);
        assertThat(samples).isNotEmpty();
        assertThat(samples.stream().mapToLong(s -> java.util.Arrays.stream(s.decisionsByAgent()).sum()).sum()).isEqualTo(paused + 7);
        live.stop();
        waitUntil(live::isClosed, 10_000);
        assertThat(live.status().state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void episodeStepAdvancesUntilTheFirstSeedHandsToStop() throws Exception {
        Workflow w = gap();
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.COMPARE,
                List.of(1L, 2L), 1_000_000, 1, null));
        long done = 0;
        for (int episode = 0; episode < 3; episode++) {
            live.stepEpisode(10_000);
            waitUntil(() -> live.lastEpisodeStep() != null && live.status().handoffsDone() > 0, 10_000);
            Thread.sleep(5);
            LiveTraining.EpisodeStep step = live.lastEpisodeStep();
            assertThat(step.reachedStop()).isTrue();
            assertThat(step.handoffs()).isPositive();
            done += step.handoffs();
            assertThat(live.status().handoffsDone()).isEqualTo(6 * done); // every seed of every learner moved alike
            assertThat(live.status().state()).isEqualTo(RunState.PAUSED);
        }
        List<ActivitySample> samples = new ArrayList<>();
        live.activity().drainTo(samples::add);
        // the first seed's last decision of each episode was a handoff to STOP, so episodes end on a decision
        assertThat(samples.stream().mapToLong(s -> java.util.Arrays.stream(s.decisionsByAgent()).sum()).sum()).isEqualTo(done);
        live.stop();
    }

    @Tag(dev.handoff.train.TorchDeterminism.TAG) // compares two neural runs bit for bit: see TorchDeterminism
    @Test
    void neuralEpisodeStepAdvancesEverySeedUntilTheFirstSeedFinishesAnEpisode() throws Exception {
        Workflow w = gap();
        var kind = WorkflowLoading.kindOf(w);
        // where seed 1's first three episodes end, stepping a trainer of its own one handoff at a time
        List<Long> episodeEnds = new ArrayList<>();
        try (dev.handoff.train.NeuralSeedTrainer alone = new dev.handoff.train.NeuralSeedTrainer(w, kind,
                dev.handoff.learn.neural.NeuralSettings.DEFAULTS, Algorithm.ICQ_NEURAL, 1L, 1_000_000)) {
            while (episodeEnds.size() < 3) {
                long episodes = alone.episodes();
                alone.runUntil(alone.handoffs() + 1, null);
                if (alone.episodes() > episodes) {
                    episodeEnds.add(alone.handoffs());
                }
            }
        }
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, kind, TrainingMode.ICQ_NEURAL, List.of(1L, 2L),
                1_000_000, 1, null));
        dev.handoff.train.NeuralSeedTrainer first = (dev.handoff.train.NeuralSeedTrainer) live.trainers().get(0);
        long done = 0;
        for (int episode = 0; episode < 3; episode++) {
            live.stepEpisode(10_000);
            waitUntil(() -> live.lastEpisodeStep() != null && live.status().handoffsDone() > 0, 30_000);
            LiveTraining.EpisodeStep step = live.lastEpisodeStep();
            assertThat(step).isNotNull();
            assertThat(step.reachedStop()).isTrue();
            assertThat(step.handoffs()).isPositive();
            done += step.handoffs();
            assertThat(done).isEqualTo(episodeEnds.get(episode)); // stopped on the handoff that ended the episode
            assertThat(first.episodes()).isEqualTo(episode + 1);
            assertThat(live.status().handoffsDone()).isEqualTo(2 * done); // both seeds moved alike
            assertThat(live.status().state()).isEqualTo(RunState.PAUSED);
        }
        live.stop();
        waitUntil(live::isClosed, 30_000);
        assertThat(live.released()).isTrue();
    }

    @Test
    void divergentStepSizePausesTheRunWithAMessageSayingWhere() throws Exception {
        Workflow base = gap();
        Workflow w = base.withTraining(base.training().withStepSize(StepSizeSpec.constant(DivergentSettings.ALPHA))
                .withGamma(DivergentSettings.GAMMA));
        LiveTraining live = new LiveTraining(new LiveTraining.Request(w, WorkflowLoading.kindOf(w), TrainingMode.ICQ_TABULAR,
                List.of(1L), 2_000_000, 1, null));
        live.start();
        waitUntil(() -> live.status().state() == RunState.DIVERGED, 60_000);
        LiveTraining.Status s = live.status();
        assertThat(s.state()).isEqualTo(RunState.DIVERGED);
        assertThat(s.message()).contains("training paused").contains("seed 1").contains("agent").contains("handoffs");
        long at = s.handoffsDone();
        Thread.sleep(200);
        assertThat(live.status().handoffsDone()).isEqualTo(at);
        live.stop();
    }
}
