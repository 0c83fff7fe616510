package dev.handoff.views.training;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy table's "Export this seed's policies…" exports exactly the seed whose greedy policy the table shows. */
class PolicyTableExportTest {
    @Test
    void theTableExportsTheSeedItShowsWithTheValuesItShows(@TempDir Path runs, @TempDir Path out) throws Exception {
        Workflow w = TrainingDashboardViewModelTest.gap(200_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        assertThat(vm.shownPolicyChoice()).isEmpty(); // nothing trained: the menu explains instead of exporting
        vm.modeProperty().set(TrainingMode.COMPARE);
        vm.seedsProperty().set(2);
        vm.train();
        long end = System.currentTimeMillis() + 60_000;
        while (vm.stateProperty().get() != RunState.FINISHED && System.currentTimeMillis() < end) {
            vm.drain();
            Thread.sleep(20);
        }
        vm.drain();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);

        // compare mode shows IC-Q's first seed (not the oracle, not independent, not seed 2)
        TrainingDashboardViewModel.ExportChoice shown = vm.shownPolicyChoice().orElseThrow();
        assertThat(shown).isEqualTo(new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_TABULAR, 1));
        assertThat(vm.exportChoices()).contains(shown);

        PolicyBundle bundle = PolicyBundle.load(vm.exportPolicies(shown, out.resolve("from-table"), false));
        assertThat(bundle.manifest().seed()).isEqualTo(1);
        assertThat(bundle.manifest().algorithm()).isEqualTo("icq-tabular");
        // every row of every agent's table holds the value of the exported greedy action on that view
        for (int i = 0; i < w.agents().size(); i++) {
            AgentPolicy p = bundle.agent(i);
            List<PolicyRow> rows = vm.policyTable(i);
            assertThat(rows).hasSize(p.viewCount());
            for (PolicyRow row : rows) {
                assertThat(row.value()).as("agent %d view %d", i, row.key()).isEqualTo(p.q(row.key(), p.actOnView(row.key())));
            }
        }
    }

    @Test
    void aNeuralSeedExportsFromTheDashboardAndItsBundleScoresTheRunsFinalGreedyReturn(@TempDir Path runs, @TempDir Path out)
            throws Exception {
        Workflow w = TrainingDashboardViewModelTest.gap(6_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        vm.modeProperty().set(TrainingMode.ICQ_NEURAL);
        vm.seedsProperty().set(1);
        vm.train();
        long end = System.currentTimeMillis() + 120_000;
        while (vm.stateProperty().get() != RunState.FINISHED && System.currentTimeMillis() < end) {
            vm.drain();
            Thread.sleep(20);
        }
        vm.drain();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        TrainingDashboardViewModel.ExportChoice seed1 = new TrainingDashboardViewModel.ExportChoice(Algorithm.ICQ_NEURAL, 1);
        assertThat(vm.exportChoices()).containsExactly(seed1);
        assertThat(vm.exportUnavailableReason()).isEmpty();

        PolicyBundle bundle = PolicyBundle.load(vm.exportPolicies(seed1, out.resolve("neural"), false));
        assertThat(bundle.manifest().algorithm()).isEqualTo("icq-neural");
        // the exported networks, played greedily with no training code, score exactly the run's last greedy J
        dev.handoff.policy.BundleEvaluation.Exact exact = dev.handoff.policy.BundleEvaluation.exact(bundle, w, WorkflowLoading.kindOf(w));
        assertThat(exact.j()).isEqualTo(vm.greedyReturn(Algorithm.ICQ_NEURAL).get(1L).lastY());

        // the finished run's folder offers the same seed to export later (its networks are on disk)
        vm.refreshRuns();
        assertThat(vm.exportChoices(vm.runs().get(0))).extracting(TrainingDashboardViewModel.ExportChoice::seed).containsExactly(1L);
    }
}
