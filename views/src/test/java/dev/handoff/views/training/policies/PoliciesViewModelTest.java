package dev.handoff.views.training.policies;

import dev.handoff.env.routing.RoutingRun;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.RunFolders;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.extension.SeedReport;
import dev.handoff.views.training.extension.SeedPanelAction;
import dev.handoff.views.training.extension.routing.RoutingPanelViewModel;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.gap;
import static dev.handoff.views.training.DashboardFixtures.repoRoot;
import static dev.handoff.views.training.DashboardFixtures.sample;
import static dev.handoff.views.training.DashboardFixtures.trainToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;

/** Policies: which seeds export, a bundle evaluated on the workflow (or refused), and the kind's reports on a seed. */
class PoliciesViewModelTest {
    @Test
    void exportedSeedEvaluatesToItsOwnExactReturnAndAMismatchedWorkflowListsWhatDiffers(@TempDir Path runs,
                                                                                    @TempDir Path out) throws Exception {
        Workflow w = gap(200_000);
        TrainingDashboardViewModel vm = dashboard(w, runs);
        assertThat(vm.policies().exportChoices()).isEmpty();
        assertThat(vm.policies().exportUnavailableReason()).contains("Train first");
        trainToTheEnd(vm, TrainingMode.COMPARE, 2);

        // the oracle is centralised: only IC-Q and independent seeds are offered
        assertThat(vm.policies().exportChoices()).containsExactly(
                new ExportChoice(Algorithm.ICQ_TABULAR, 1),
                new ExportChoice(Algorithm.ICQ_TABULAR, 2),
                new ExportChoice(Algorithm.INDEPENDENT, 1),
                new ExportChoice(Algorithm.INDEPENDENT, 2));
        Path bundle = vm.policies().exportPolicies(new ExportChoice(Algorithm.ICQ_TABULAR, 2),
                out.resolve("bundle"), true);
        assertThat(bundle.resolve("bundle.json")).exists();
        assertThat(vm.run().notificationProperty().get()).startsWith("Exported IC-Q, seed 2");

        BundleReport report = vm.policies().evaluateBundle(bundle, 2_000, 7);
        assertThat(report.fits()).isTrue();
        assertThat(report.problems()).isEmpty();
        // the bundle's exact return is the run's final greedy return of that seed
        double finalJ = vm.curves().greedyReturn(Algorithm.ICQ_TABULAR).get(2L).lastY();
        assertThat(report.result().exactReturn()).isCloseTo(finalJ, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(report.result().oracleReturn()).isEqualTo(vm.run().oracleReturn());
        assertThat(report.result().episodes()).isEqualTo(2_000);
        assertThat(report.summary()).contains("icq-tabular seed 2").contains("exact J =").contains("J* =");

        Workflow routing = sample("routing-6x6");
        TrainingDashboardViewModel other = dashboard(routing, null);
        BundleReport misfit = other.policies().evaluateBundle(bundle, 100, 1);
        assertThat(misfit.fits()).isFalse();
        assertThat(misfit.problems()).singleElement().asString().startsWith("agents differ").contains("missing from the bundle");
        assertThat(misfit.summary()).contains("does not fit");

        // a saved run of the Runs panel exports from its checkpoint: the same greedy policy as the live seed
        RunFolders.Entry savedIcq = vm.runs().runs().stream().filter(e -> e.algorithm().equals("icq-tabular")).findFirst().orElseThrow();
        RunFolders.Entry savedOracle = vm.runs().runs().stream().filter(e -> e.algorithm().equals("oracle")).findFirst().orElseThrow();
        assertThat(vm.policies().exportChoices(savedOracle)).isEmpty();
        assertThat(vm.policies().exportChoices(savedIcq)).extracting(ExportChoice::seed).containsExactly(1L, 2L);
        Path fromFolder = vm.policies().exportPolicies(vm.policies().exportChoices(savedIcq).get(1), out.resolve("from-folder"), false);
        assertThat(vm.policies().evaluateBundle(fromFolder, 100, 7).result().exactReturn())
                .isCloseTo(finalJ, org.assertj.core.api.Assertions.within(1e-9));

        BundleReport notABundle = vm.policies().evaluateBundle(out, 100, 1);
        assertThat(notABundle.fits()).isFalse();
        assertThat(notABundle.summary()).contains("no bundle.json");
    }

    @Test
    void cpuRunShowsTheGreedyProgramOfEveryTaskAndHd01AssemblesAndPassesEveryVector() throws Exception {
        Workflow w = sample("cpu-hackers-delight");
        TrainingDashboardViewModel vm = dashboard(w, null);
        // the cpu-programming kind's dashboard extension offers its programs; synthetic-gap's kind offers nothing
        assertThat(vm.policies().seedPanels()).extracting(SeedPanelAction::id).containsExactly("programs");
        assertThat(dashboard(gap(1000), null).policies().seedPanels()).isEmpty();
        SeedPanelAction<SeedReport> programs = reportPanel(vm.policies().seedPanels().get(0));
        trainToTheEnd(vm, TrainingMode.ICQ_TABULAR, 1);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);

        // The policy table's "Show this seed's programs…" opens the seed the table shows.
        assertThat(vm.policies().shownPolicyChoice()).contains(new ExportChoice(Algorithm.ICQ_TABULAR, 1));
        SeedReport report = vm.policies().seedPanel(programs, vm.policies().shownPolicyChoice().orElseThrow());
        assertThat(report.items()).hasSize(19).extracting(SeedReport.Item::name).contains("hd01", "hd19", "hd20");
        String hd01 = report.item("hd01").text();
        assertThat(hd01).startsWith("# task: hd01").contains("64/64").contains(" - solved");
        assertThat(report.item("hd01").ok()).isTrue();
        dev.handoff.cpu.Program p = dev.handoff.cpu.Assembler.assemble(hd01);
        dev.handoff.cpu.HackersDelightTask task = dev.handoff.cpu.HackersDelightTasks
                .load(repoRoot().resolve("sample-workflows/data/cpu-programming")).stream()
                .filter(t -> t.id().equals("hd01")).findFirst().orElseThrow();
        assertThat(task.allVectors().allPass(dev.handoff.cpu.DecodedProgram.decode(p), new dev.handoff.cpu.Machine(),
                dev.handoff.cpu.Machine.DEFAULT_STEP_LIMIT)).isTrue();
        assertThat(report.item("hd19").text()).contains("NOT solved");
        assertThat(report.item("hd19").ok()).isFalse();
        assertThat(report.okCount()).isBetween(1L, 18L);
        assertThat(report.header()).contains(report.okCount() + " of 19 solved");

        // off the FX thread through the task executor (synchronous in tests): the same report
        SeedReport[] background = new SeedReport[1];
        vm.policies().seedPanelInBackground(programs, new ExportChoice(Algorithm.ICQ_TABULAR, 1), r -> background[0] = r,
                e -> { throw new AssertionError(e); });
        assertThat(background[0].items()).isEqualTo(report.items());
        assertThat(vm.policies().busyProperty().get()).isFalse();
    }

    @Test
    void aFinishedNeuralCpuRunStillShowsItsSeedsPrograms(@TempDir Path runs) throws Exception {
        Workflow sample = sample("cpu-hackers-delight");
        Workflow w = sample.withTraining(sample.training().withHandoffs(3_000));
        TrainingDashboardViewModel vm = dashboard(w, runs);
        trainToTheEnd(vm, TrainingMode.ICQ_NEURAL, 1);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        // the run has released its networks; the programs come from the seed restored from its checkpoint
        SeedReport programs = vm.policies().seedPanel(reportPanel(vm.policies().seedPanels().get(0)),
                new ExportChoice(Algorithm.ICQ_NEURAL, 1));
        assertThat(programs.items()).hasSize(19).allSatisfy(item ->
                assertThat(item.text()).startsWith("# task: " + item.name()).contains("# policy: icq-neural seed 1 (greedy)"));
    }

    @Test
    void aRoutingRunComparesItsSeedsFrozenRoutesThroughTheTaskExecutor() throws Exception {
        Workflow sample = sample("routing-6x6");
        Workflow w = sample.withTraining(sample.training().withHandoffs(20_000));
        TrainingDashboardViewModel vm = dashboard(w, null);
        assertThat(vm.policies().seedPanels()).extracting(SeedPanelAction::id).containsExactly("routes");
        @SuppressWarnings("unchecked")
        SeedPanelAction<RoutingPanelViewModel> routes = (SeedPanelAction<RoutingPanelViewModel>) vm.policies().seedPanels().get(0);
        trainToTheEnd(vm, TrainingMode.ICQ_TABULAR, 1);
        RoutingPanelViewModel[] shown = new RoutingPanelViewModel[1];
        vm.policies().seedPanelInBackground(routes, new ExportChoice(Algorithm.ICQ_TABULAR, 1), p -> shown[0] = p,
                e -> { throw new AssertionError(e); });
        assertThat(vm.policies().busyProperty().get()).isFalse();
        assertThat(routes.title(shown[0])).isEqualTo("Routing of icq-tabular seed 1");
        assertThat(shown[0].results().get(1).summary()).isEqualTo(RoutingRun.sweep(w, new double[] {2.5},
                RoutingRun.Baseline.SHORTEST_PATH, RoutingPanelViewModel.TRAFFIC_SEED, RoutingPanelViewModel.WARMUP,
                RoutingPanelViewModel.MEASURED).get(0));
        assertThat(shown[0].results().get(0).summary().delivered()).isPositive();
    }

    /** The cpu-programming kind's programs panel, whose view-model is a {@link SeedReport}. */
    @SuppressWarnings("unchecked")
    private static SeedPanelAction<SeedReport> reportPanel(SeedPanelAction<?> action) {
        assertThat(action.id()).isEqualTo("programs");
        return (SeedPanelAction<SeedReport>) action;
    }
}
