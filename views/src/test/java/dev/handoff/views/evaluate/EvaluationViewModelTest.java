package dev.handoff.views.evaluate;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.BundleEvaluation;
import dev.handoff.policy.BundlePlayer;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Evaluate mode without a screen: loading (fit or misfit), step, episode, reset, and paced playback on a hand-driven clock. */
class EvaluationViewModelTest {
    private static Workflow gap;
    private static EnvironmentKind kind;
    private static Path bundle;
    @TempDir
    static Path dir;

    /** A clock the test advances by hand: frames arrive only when the test says so. */
    static final class HandTicker implements PlaybackTicker {
        private LongConsumer onFrame;
        boolean running;

        @Override
        public void start(LongConsumer onFrame) {
            this.onFrame = onFrame;
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        void frameAt(double seconds) {
            if (running) {
                onFrame.accept((long) (seconds * 1e9));
            }
        }
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        return p;
    }

    @BeforeAll
    static void trainAndExport() throws Exception {
        gap = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/synthetic-gap.workflow.json"));
        kind = WorkflowLoading.kindOf(gap);
        HeadlessTraining.run(new HeadlessTraining.Request(gap, kind, Algorithm.ICQ_TABULAR, List.of(1L), 200_000, 1),
                dir.resolve("run"), null);
        bundle = PolicyBundle.export(RunFolder.open(dir.resolve("run")), 1, dir.resolve("gap-bundle"), false);
    }

    private static EvaluationViewModel loaded(HandTicker ticker) {
        EvaluationViewModel vm = new EvaluationViewModel(gap, kind, ticker);
        assertThat(vm.load(bundle)).isTrue();
        return vm;
    }

    private static BundlePlayer reference(long seed) throws Exception {
        return BundlePlayer.create(PolicyBundle.load(bundle), gap, kind, seed);
    }

    @Test
    void aFittingBundleIsReadyAtTheFirstDecisionWithItsExactReturn() throws Exception {
        EvaluationViewModel vm = new EvaluationViewModel(gap, kind, new HandTicker());
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.EMPTY);
        assertThat(vm.load(bundle)).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.READY);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.bundleTextProperty().get()).contains("gap-bundle").contains("icq-tabular seed 1");
        BundleEvaluation.Exact exact = BundleEvaluation.exact(PolicyBundle.load(bundle), gap, kind);
        assertThat(vm.exactReturnProperty().get()).isEqualTo(exact.j());
        assertThat(vm.oracleReturnProperty().get()).isEqualTo(exact.jStar());
        int first = reference(1).holder();
        assertThat(vm.holderProperty().get()).isEqualTo(first);
        assertThat(vm.canvas().activity(first)).isEqualTo(1.0);
        assertThat(vm.holderTextProperty().get()).startsWith(gap.agents().get(first).id() + " holds the artifact");
        assertThat(vm.episodesProperty().get()).isZero();
    }

    @Test
    void aBundleThatDoesNotFitIsRefusedWithEveryDifference() {
        Workflow other = gap.withAgents(gap.agents().stream().map(a -> a == gap.agents().get(1) || a == gap.agents().get(2)
                ? a.withObservation(new InterfaceSpec(List.of(ObservationTerm.select("progress"),
                ObservationTerm.select("difficulty")), true))
                : a).toList());
        EvaluationViewModel vm = new EvaluationViewModel(other, kind, new HandTicker());
        assertThat(vm.load(bundle)).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.REFUSED);
        assertThat(vm.errorTextProperty().get()).contains("does not fit");
        assertThat(vm.errorTextProperty().get()).contains("2 differences");
        assertThat(vm.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("agent " + gap.agents().get(1).id() + ": interface observation differs"))
                .anySatisfy(p -> assertThat(p).startsWith("agent " + gap.agents().get(2).id() + ": interface observation differs"));
        assertThat(vm.holderProperty().get()).isEqualTo(-1);
        vm.stepOnce(); // nothing to play
        assertThat(vm.handoffsProperty().get()).isZero();

        EvaluationViewModel notABundle = new EvaluationViewModel(gap, kind, new HandTicker());
        assertThat(notABundle.load(dir)).isFalse();
        assertThat(notABundle.problems()).singleElement().asString().contains("no bundle.json");
    }

    @Test
    void stepAndEpisodeShowWhatTheBundlePlays() throws Exception {
        EvaluationViewModel vm = loaded(new HandTicker());
        BundlePlayer ref = reference(1);
        BundlePlayer.Step first = ref.step();
        vm.stepOnce();
        assertThat(vm.handoffsProperty().get()).isEqualTo(1);
        assertThat(vm.lastStepProperty().get()).isEqualTo(first);
        assertThat(vm.lastStepTextProperty().get()).isEqualTo(EvaluationViewModel.describe(first))
                .startsWith("#1 " + first.holderId() + ": " + first.actionLabel());
        assertThat(vm.log()).containsExactly(EvaluationViewModel.describe(first));
        assertThat(vm.holderProperty().get()).isEqualTo(ref.holder());
        // the crossed edge carries the scalar and reward; the others are plain
        assertThat(vm.canvas().lastEdge()).isNotNegative();
        assertThat(gap.handoffs().get(vm.canvas().lastEdge()).from()).isEqualTo(first.holderId());
        assertThat(gap.handoffs().get(vm.canvas().lastEdge()).to()).isEqualTo(first.receiverId());
        assertThat(vm.canvas().edgeRecentCount(vm.canvas().lastEdge())).isEqualTo(1);
        assertThat(vm.canvas().edgeLabel(vm.canvas().lastEdge())).isEqualTo(String.format(java.util.Locale.ROOT, "m %.2f · R %.2f",
                first.scalar(), first.reward()));
        for (int e = 0; e < gap.handoffs().size(); e++) {
            assertThat(vm.canvas().edgeRecentCount(e)).isEqualTo(e == vm.canvas().lastEdge() ? 1 : 0);
        }

        vm.runEpisode();
        List<BundlePlayer.Step> rest = ref.runEpisode();
        assertThat(vm.episodesProperty().get()).isEqualTo(1);
        assertThat(vm.handoffsProperty().get()).isEqualTo(1 + rest.size());
        assertThat(vm.log().get(0)).contains(" · return ");
        assertThat(vm.meanReturnProperty().get()).isEqualTo(rest.get(rest.size() - 1).episodeReturn());
        assertThat(vm.log()).hasSize((int) Math.min(EvaluationViewModel.LOG_LIMIT, 1 + rest.size()));
    }

    @Test
    void playbackFollowsTheClockAtTheChosenSpeedAndStopsOnPause() {
        HandTicker ticker = new HandTicker();
        EvaluationViewModel vm = loaded(ticker);
        vm.speedProperty().set(10);
        vm.play();
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.PLAYING);
        assertThat(ticker.running).isTrue();
        ticker.frameAt(100.0); // the first frame only sets the clock
        assertThat(vm.handoffsProperty().get()).isZero();
        ticker.frameAt(100.5);
        assertThat(vm.handoffsProperty().get()).isEqualTo(5);
        ticker.frameAt(100.55); // half a handoff is carried over, not lost
        ticker.frameAt(100.6);
        assertThat(vm.handoffsProperty().get()).isEqualTo(6);
        vm.pause();
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.READY);
        assertThat(ticker.running).isFalse();
        ticker.frameAt(200);
        assertThat(vm.handoffsProperty().get()).isEqualTo(6);

        // very fast: a frame plays at most its cap, and the log keeps only the newest handoffs, newest first
        vm.speedProperty().set(1e9);
        vm.play();
        ticker.frameAt(300);
        ticker.frameAt(301);
        assertThat(vm.handoffsProperty().get()).isEqualTo(6 + EvaluationViewModel.MAX_STEPS_PER_FRAME);
        assertThat(vm.log()).hasSize(EvaluationViewModel.LOG_LIMIT);
        assertThat(vm.log().get(0)).startsWith("#" + (6 + EvaluationViewModel.MAX_STEPS_PER_FRAME) + " ");
        assertThat(vm.log().get(EvaluationViewModel.LOG_LIMIT - 1))
                .startsWith("#" + (6 + EvaluationViewModel.MAX_STEPS_PER_FRAME - EvaluationViewModel.LOG_LIMIT + 1) + " ");
        vm.stepOnce(); // stepping pauses playback
        assertThat(vm.stateProperty().get()).isEqualTo(EvaluationViewModel.State.READY);
        assertThat(ticker.running).isFalse();
    }

    @Test
    void resetReplaysTheSameHandoffsFromTheSeed() {
        EvaluationViewModel vm = loaded(new HandTicker());
        vm.runEpisode();
        vm.runEpisode();
        List<String> log = new ArrayList<>(vm.log());
        double mean = vm.meanReturnProperty().get();
        vm.reset();
        assertThat(vm.handoffsProperty().get()).isZero();
        assertThat(vm.episodesProperty().get()).isZero();
        assertThat(vm.log()).isEmpty();
        assertThat(vm.lastStepProperty().get()).isNull();
        vm.runEpisode();
        vm.runEpisode();
        assertThat(vm.log()).isEqualTo(log);
        assertThat(vm.meanReturnProperty().get()).isEqualTo(mean);
        vm.seedProperty().set(2);
        vm.reset();
        vm.runEpisode();
        vm.runEpisode();
        assertThat(vm.log()).isNotEqualTo(log);
    }

    @Test
    void theRunningMeanIsTheBatchEvaluationsMeanForTheSameSeedAndEpisodes() throws Exception {
        EvaluationViewModel vm = loaded(new HandTicker());
        for (int e = 0; e < 500; e++) {
            vm.runEpisode();
        }
        BundleEvaluation.Result batch = BundleEvaluation.evaluate(PolicyBundle.load(bundle), gap, kind, 500, 1);
        assertThat(vm.episodesProperty().get()).isEqualTo(500);
        assertThat(vm.meanReturnProperty().get()).isEqualTo(batch.meanReturn());
        assertThat(vm.ci95Property().get()).isEqualTo(batch.ci95());
        assertThat(vm.meanReturnTextProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT, "%.4f ± %.4f",
                batch.meanReturn(), batch.ci95()));
    }
}
