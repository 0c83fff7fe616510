package dev.handoff.views.training;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.RunFolders;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's view-model without a screen: draining the rings, status, notifications, Reset and the Runs list. */
class TrainingDashboardViewModelTest {
    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        return p;
    }

    static Workflow gap(long handoffs) throws Exception {
        Workflow w = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/synthetic-gap.workflow.json"));
        return w.withTraining(w.training().withHandoffs(handoffs));
    }

    private static void drainUntil(TrainingDashboardViewModel vm, BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            vm.drain();
            Thread.sleep(20);
        }
        vm.drain();
    }

    @Test
    void drainingACompareRunFillsEveryCurveAndTheEdgeScalars(@TempDir Path runs) throws Exception {
        Workflow w = gap(300_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        vm.modeProperty().set(TrainingMode.COMPARE);
        vm.seedsProperty().set(2);
        long before = vm.revisionProperty().get();
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);

        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.revisionProperty().get()).isGreaterThan(before);
        assertThat(vm.drainedWindows()).isEqualTo(3 * 2 * 6);
        for (Algorithm a : vm.algorithms()) {
            assertThat(vm.trainingReturn(a)).containsOnlyKeys(1L, 2L);
            assertThat(vm.trainingReturn(a).get(1L).size()).isEqualTo(6);
            assertThat(vm.greedyReturn(a).get(1L).size()).isPositive();
            assertThat(vm.returnBand(a).size()).isPositive();
        }
        assertThat(vm.showsGreedyReturn()).isTrue();
        assertThat(vm.oracleReturn()).isNotNull();
        // the oracle's greedy policy ends within a whisker of J*
        assertThat(vm.greedyReturn(Algorithm.ORACLE).get(1L).lastY()).isLessThanOrEqualTo(vm.oracleReturn() + 1e-9);
        assertThat(vm.errorViewProperty().get()).isEqualTo(TrainingDashboardViewModel.ErrorView.COMPONENTS);
        // error components: IC-Q and independent read at every 50k-handoff window end of both seeds, the oracle never
        assertThat(vm.componentLearner()).isEqualTo(Algorithm.ICQ_TABULAR);
        assertThat(vm.componentReadings(Algorithm.ICQ_TABULAR)).isEqualTo(2 * 6);
        assertThat(vm.componentReadings(Algorithm.INDEPENDENT)).isEqualTo(2 * 6);
        assertThat(vm.componentReadings(Algorithm.ORACLE)).isZero();
        assertThat(vm.closureHolds(Algorithm.ICQ_TABULAR)).isTrue();
        SeedBand total = vm.componentBand(Algorithm.ICQ_TABULAR, TrainingDashboardViewModel.ErrorComponent.TOTAL);
        SeedBand sum = vm.componentBand(Algorithm.ICQ_TABULAR, TrainingDashboardViewModel.ErrorComponent.SUM_OF_PARTS);
        SeedBand mixing = vm.componentBand(Algorithm.ICQ_TABULAR, TrainingDashboardViewModel.ErrorComponent.MIXING_RESIDUAL);
        SeedBand gapComponent = vm.componentBand(Algorithm.ICQ_TABULAR, TrainingDashboardViewModel.ErrorComponent.INTERFACE_GAP);
        assertThat(total.size()).isEqualTo(6);
        assertThat(total.seeds()).containsOnly(2);
        for (int i = 0; i < total.size(); i++) {
            assertThat(total.mean()[i]).isLessThanOrEqualTo(sum.mean()[i] + 1e-9);
            assertThat(sum.mean()[i]).isCloseTo(mixing.mean()[i] + gapComponent.mean()[i], org.assertj.core.api.Assertions.within(1e-9));
        }
        // IC-Q's mixing residual shrinks as it learns; the baseline's total stays above IC-Q's
        assertThat(mixing.mean()[5]).isLessThan(mixing.mean()[0]);
        assertThat(vm.componentBand(Algorithm.INDEPENDENT, TrainingDashboardViewModel.ErrorComponent.TOTAL).mean()[5])
                .isGreaterThan(total.mean()[5]);
        SeedBand icqGap = vm.oracleGapBand(Algorithm.ICQ_TABULAR);
        SeedBand oracleGap = vm.oracleGapBand(Algorithm.ORACLE);
        assertThat(icqGap.size()).isEqualTo(vm.greedyReturn(Algorithm.ICQ_TABULAR).get(1L).size());
        assertThat(icqGap.mean()[icqGap.size() - 1]).isCloseTo(vm.oracleReturn() - vm.returnBand(Algorithm.ICQ_TABULAR)
                .mean()[icqGap.size() - 1], org.assertj.core.api.Assertions.within(1e-9));
        assertThat(oracleGap.mean()[0]).isGreaterThanOrEqualTo(-1e-9);
        int withScalars = 0;
        for (int e = 0; e < vm.edgeCount(); e++) {
            if (vm.edgeRecentCount(e) > 0) {
                withScalars++;
                assertThat(vm.edgeRecentMean(e)).isFinite();
            }
        }
        assertThat(withScalars).isPositive();
        assertThat(vm.tdBand(0).size()).isEqualTo(6);
        assertThat(vm.policyTable(0)).hasSize(vm.viewCount(0));
        assertThat(vm.qCurves(0, 0)).isNotEmpty().allSatisfy(s -> assertThat(s.size()).isPositive());
        double sumActivity = 0;
        for (int i = 0; i < vm.agentCount(); i++) {
            sumActivity += vm.activity(i);
        }
        assertThat(sumActivity).isPositive();
        assertThat(vm.notificationProperty().get()).startsWith("finished").contains("J* =");
        assertThat(vm.statusTextProperty().get()).contains("Finished").contains("of 1.80M handoffs");
        assertThat(vm.runs()).hasSize(3);

        long rev = vm.revisionProperty().get();
        vm.overlay(vm.runs());
        // each past run comes back as its whole greedy-J curve (mean over its seeds), ending at its final J
        assertThat(vm.overlaid()).hasSize(3).allSatisfy(o -> {
            assertThat(o.run().meanReturn()).isFinite();
            assertThat(o.curve().measure()).isEqualTo(dev.handoff.train.live.RunCurves.Measure.GREEDY_RETURN);
            assertThat(o.curve().size()).isGreaterThanOrEqualTo(2); // the first chunk's evaluation and the final one at least
            assertThat(o.curve().x()[o.curve().size() - 1]).isEqualTo((double) o.run().handoffs());
            assertThat(o.curve().y()[o.curve().size() - 1]).isCloseTo(o.run().meanReturn(),
                    org.assertj.core.api.Assertions.within(1e-9));
        });
        assertThat(vm.revisionProperty().get()).isGreaterThan(rev);

        vm.reset();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.READY);
        assertThat(vm.trainingReturn(Algorithm.ICQ_TABULAR)).isEmpty();
        assertThat(vm.componentReadings(Algorithm.ICQ_TABULAR)).isZero();
        assertThat(vm.edgeRecentCount(0)).isZero();
        assertThat(vm.runs()).hasSize(3);
    }

    @Test
    void neuralIcqRunShowsMirrorQValuesAndItsComponentsAndFreesItsNetworksWhenDone(@TempDir Path runs) throws Exception {
        Workflow w = gap(20_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        vm.modeProperty().set(TrainingMode.ICQ_NEURAL);
        vm.seedsProperty().set(2);
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);

        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.primary()).isEqualTo(Algorithm.ICQ_NEURAL);
        assertThat(vm.live().released()).isTrue();
        assertThat(vm.greedyReturn(Algorithm.ICQ_NEURAL)).containsOnlyKeys(1L, 2L);
        assertThat(vm.policyTable(0)).hasSize(vm.viewCount(0)).allSatisfy(r -> assertThat(r.value()).isFinite());
        assertThat(vm.qCurves(0, 0)).allSatisfy(c -> assertThat(c.size()).isPositive());
        assertThat(vm.componentLearner()).isEqualTo(Algorithm.ICQ_NEURAL);
        assertThat(vm.componentReadings(Algorithm.ICQ_NEURAL)).isEqualTo(2 * 40);
        assertThat(java.util.Arrays.stream(vm.componentBand(Algorithm.ICQ_NEURAL,
                TrainingDashboardViewModel.ErrorComponent.NEURAL_APPROX).mean()).allMatch(v -> v > 0)).isTrue();
        assertThat(vm.notificationProperty().get()).contains("icq-neural J =");
    }

    @Test
    void exportedSeedEvaluatesToItsOwnExactReturnAndAMismatchedWorkflowListsWhatDiffers(@TempDir Path runs,
                                                                                    @TempDir Path out) throws Exception {
        Workflow w = gap(200_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        assertThat(vm.exportChoices()).isEmpty();
        assertThat(vm.exportUnavailableReason()).contains("Train first");
        vm.modeProperty().set(TrainingMode.COMPARE);
        vm.seedsProperty().set(2);
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);

        // the oracle is centralised: only IC-Q and independent seeds are offered
        assertThat(vm.exportChoices()).containsExactly(
                new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_TABULAR, 1),
                new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_TABULAR, 2),
                new TrainingDashboardViewModel.ExportChoice(Algorithm.INDEPENDENT, 1),
                new TrainingDashboardViewModel.ExportChoice(Algorithm.INDEPENDENT, 2));
        Path bundle = vm.exportPolicies(new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_TABULAR, 2),
                out.resolve("bundle"), true);
        assertThat(bundle.resolve("bundle.json")).exists();
        assertThat(vm.notificationProperty().get()).startsWith("Exported IC-Q, seed 2");

        TrainingDashboardViewModel.BundleReport report = vm.evaluateBundle(bundle, 2_000, 7);
        assertThat(report.fits()).isTrue();
        assertThat(report.problems()).isEmpty();
        // the bundle's exact return is the run's final greedy return of that seed
        double finalJ = vm.greedyReturn(Algorithm.ICQ_TABULAR).get(2L).lastY();
        assertThat(report.result().exactReturn()).isCloseTo(finalJ, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.result().oracleReturn()).isEqualTo(vm.oracleReturn());
        assertThat(report.result().episodes()).isEqualTo(2_000);
        assertThat(report.summary()).contains("icq-tabular seed 2").contains("exact J =").contains("J* =");

        Workflow routing = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/routing-6x6.workflow.json"));
        TrainingDashboardViewModel other = new TrainingDashboardViewModel(routing, WorkflowLoading.kindOf(routing), null);
        TrainingDashboardViewModel.BundleReport misfit = other.evaluateBundle(bundle, 100, 1);
        assertThat(misfit.fits()).isFalse();
        assertThat(misfit.problems()).singleElement().asString().startsWith("agents differ").contains("missing from the bundle");
        assertThat(misfit.summary()).contains("does not fit");

        // a saved run of the Runs panel exports from its checkpoint: the same greedy policy as the live seed
        RunFolders.Entry savedIcq = vm.runs().stream().filter(e -> e.algorithm().equals("icq-tabular")).findFirst().orElseThrow();
        RunFolders.Entry savedOracle = vm.runs().stream().filter(e -> e.algorithm().equals("oracle")).findFirst().orElseThrow();
        assertThat(vm.exportChoices(savedOracle)).isEmpty();
        assertThat(vm.exportChoices(savedIcq)).extracting(TrainingDashboardViewModel.ExportChoice::seed).containsExactly(1L, 2L);
        Path fromFolder = vm.exportPolicies(vm.exportChoices(savedIcq).get(1), out.resolve("from-folder"), false);
        assertThat(vm.evaluateBundle(fromFolder, 100, 7).result().exactReturn())
                .isCloseTo(finalJ, org.assertj.core.api.Assertions.within(1e-9));

        TrainingDashboardViewModel.BundleReport notABundle = vm.evaluateBundle(out, 100, 1);
        assertThat(notABundle.fits()).isFalse();
        assertThat(notABundle.summary()).contains("no bundle.json");
    }

    @Test
    void kindWithoutJointStateDefaultsToIcqAndCompareSaysWhyItCannotStart() throws Exception {
        Workflow w = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/routing-6x6.workflow.json"));
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), null);
        assertThat(vm.modeProperty().get()).isEqualTo(TrainingMode.ICQ_TABULAR);
        assertThat(vm.errorViewProperty().get()).isEqualTo(TrainingDashboardViewModel.ErrorView.TD_ERROR);
        vm.modeProperty().set(TrainingMode.COMPARE);
        vm.train();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(vm.notificationProperty().get()).contains("Cannot train").contains("oracle").contains("another learner");
        assertThat(vm.live()).isNull();

        vm.modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.seedsProperty().set(1);
        TrainingDashboardViewModel small = new TrainingDashboardViewModel(w.withTraining(w.training().withHandoffs(
                3L * vm.window())), WorkflowLoading.kindOf(w), null);
        small.seedsProperty().set(1);
        small.train();
        drainUntil(small, () -> small.stateProperty().get() == RunState.FINISHED);
        assertThat(small.stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(small.showsGreedyReturn()).isFalse(); // no finite model: the return chart shows training returns
        assertThat(small.returnCurves(Algorithm.ICQ_TABULAR).get(1L).size()).isEqualTo(3);
        assertThat(small.oracleReturn()).isNull();
    }

    @Test
    void divergentRunPausesAndTheNotificationSaysWhere() throws Exception {
        Workflow base = gap(2_000_000);
        Workflow w = base.withTraining(base.training().withStepSize(StepSizeSpec.constant(1.9)).withGamma(0.999));
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), null);
        vm.modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.seedsProperty().set(1);
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.DIVERGED);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.DIVERGED);
        assertThat(vm.notificationProperty().get()).contains("training paused").contains("icq-tabular, seed 1")
                .contains("TD error");
        assertThat(vm.runningProperty().get()).isFalse();
        vm.stop();
    }

    @Test
    void stepAdvancesEverySeedByOneHandoffAndStepEpisodeUntilStop(@TempDir Path runs) throws Exception {
        Workflow w = gap(300_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        vm.modeProperty().set(TrainingMode.COMPARE);
        vm.seedsProperty().set(3);
        vm.step(1);
        drainUntil(vm, () -> vm.live().status().handoffsDone() == 9);
        assertThat(vm.live().status().handoffsDone()).isEqualTo(9);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
        assertThat(vm.holder()).isBetween(0, vm.agentCount() - 1);
        vm.stepEpisode();
        drainUntil(vm, () -> vm.live().lastEpisodeStep() != null);
        assertThat(vm.live().lastEpisodeStep().reachedStop()).isTrue();
        assertThat(vm.live().status().handoffsDone()).isEqualTo(9 * (1 + vm.live().lastEpisodeStep().handoffs()));
        vm.stop();
        drainUntil(vm, () -> vm.live().isClosed());
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
        assertThat(vm.runs()).hasSize(3).allSatisfy(r -> assertThat(r.status()).startsWith("cancelled"));
    }

    @Test
    void cpuRunShowsTheGreedyProgramOfEveryTaskAndHd01AssemblesAndPassesEveryVector() throws Exception {
        Workflow w = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/cpu-hackers-delight.workflow.json"));
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), null);
        assertThat(vm.offersPrograms()).isTrue();
        assertThat(new TrainingDashboardViewModel(gap(1000), WorkflowLoading.kindOf(gap(1000)), null).offersPrograms()).isFalse();
        vm.modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.seedsProperty().set(1);
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);

        // The policy table's "Show this seed's programs…" opens the seed the table shows.
        assertThat(vm.shownPolicyChoice()).contains(new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_TABULAR, 1));
        java.util.Map<String, String> programs = vm.greedyPrograms(vm.shownPolicyChoice().orElseThrow());
        assertThat(programs).hasSize(19).containsKeys("hd01", "hd19", "hd20");
        String hd01 = programs.get("hd01");
        assertThat(hd01).startsWith("# task: hd01").contains("64/64").contains(" - solved");
        dev.handoff.cpu.Program p = dev.handoff.cpu.Assembler.assemble(hd01);
        dev.handoff.cpu.HackersDelightTask task = dev.handoff.cpu.HackersDelightTasks
                .load(repoRoot().resolve("sample-workflows/data/cpu-programming")).stream()
                .filter(t -> t.id().equals("hd01")).findFirst().orElseThrow();
        assertThat(task.allVectors().allPass(dev.handoff.cpu.DecodedProgram.decode(p), new dev.handoff.cpu.Machine(),
                dev.handoff.cpu.Machine.DEFAULT_STEP_LIMIT)).isTrue();
        assertThat(programs.get("hd19")).contains("NOT solved");
    }

    @Test
    void aFinishedNeuralCpuRunStillShowsItsSeedsPrograms(@TempDir Path runs) throws Exception {
        Workflow sample = WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/cpu-hackers-delight.workflow.json"));
        Workflow w = sample.withTraining(sample.training().withHandoffs(3_000));
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        vm.modeProperty().set(TrainingMode.ICQ_NEURAL);
        vm.seedsProperty().set(1);
        vm.train();
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        // the run has released its networks; the programs come from the seed restored from its checkpoint
        java.util.Map<String, String> programs = vm.greedyPrograms(new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_NEURAL, 1));
        assertThat(programs).hasSize(19).allSatisfy((task, text) ->
                assertThat(text).startsWith("# task: " + task).contains("# policy: icq-neural seed 1 (greedy)"));
    }

    @Test
    void runPausedAndStoppedMidwayThenResumedInTheDashboardEndsWithTheUninterruptedCliCheckpoints(@TempDir Path runs,
                                                                                                  @TempDir Path cli) throws Exception {
        long budget = 10_000_000;
        Workflow w = gap(budget);
        var kind = WorkflowLoading.kindOf(w);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, kind, runs);
        vm.modeProperty().set(TrainingMode.ICQ_TABULAR);
        vm.seedsProperty().set(2);
        vm.train();
        vm.pause();
        LiveTraining first = vm.live();
        drainUntil(vm, () -> first.pauseCheckpoints() == 1);
        assertThat(first.pauseCheckpoints()).isEqualTo(1);
        vm.stop();
        drainUntil(vm, first::isClosed);
        assertThat(first.trainers().get(0).handoffs()).isLessThan(budget);
        vm.reset();
        assertThat(vm.runs()).hasSize(1);

        assertThat(vm.resumeRun(vm.runs().get(0), null)).isTrue();
        assertThat(vm.live()).isNotSameAs(first);
        drainUntil(vm, () -> vm.stateProperty().get() == RunState.FINISHED);
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        Path dir = vm.live().runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(dir).isEqualTo(vm.runs().get(0).dir());

        dev.handoff.train.HeadlessTraining.run(new dev.handoff.train.HeadlessTraining.Request(w, kind, Algorithm.ICQ_TABULAR,
                List.of(1L, 2L), budget, 2), cli, null);
        for (long seed : List.of(1L, 2L)) {
            assertThat(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(dir, Algorithm.ICQ_TABULAR, seed)))
                    .isEqualTo(Files.readAllBytes(dev.handoff.train.RunCheckpoints.fileOf(cli, Algorithm.ICQ_TABULAR, seed)));
        }
        // a run is going: resuming another is refused with a reason
        vm.train();
        assertThat(vm.resumeRun(vm.runs().get(0), null)).isFalse();
        assertThat(vm.notificationProperty().get()).contains("Stop the current run");
        LiveTraining third = vm.live();
        vm.stop();
        drainUntil(vm, third::isClosed); // its folder is written before the temporary directory goes
    }
}
