package dev.handoff.views.training.policies;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.DashboardFixtures;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.views.training.focus.PolicyRow;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.handoff.views.training.DashboardFixtures.trainToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;

/** The policy table's "Export this seed's policies…" exports exactly the seed whose greedy policy the table shows. */
class PolicyTableExportTest {
    @Test
    void theTableExportsTheSeedItShowsWithTheValuesItShows(@TempDir Path runs, @TempDir Path out) throws Exception {
        Workflow w = DashboardFixtures.gap(200_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        assertThat(vm.policies().shownPolicyChoice()).isEmpty(); // nothing trained: the menu explains instead of exporting
        trainToTheEnd(vm, TrainingMode.COMPARE, 2);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);

        // compare mode shows IC-Q's first seed (not the oracle, not independent, not seed 2)
        ExportChoice shown = vm.policies().shownPolicyChoice().orElseThrow();
        assertThat(shown).isEqualTo(new ExportChoice(Algorithm.ICQ_TABULAR, 1));
        assertThat(vm.policies().exportChoices()).contains(shown);

        PolicyBundle bundle = PolicyBundle.load(vm.policies().exportPolicies(shown, out.resolve("from-table"), false));
        assertThat(bundle.manifest().seed()).isEqualTo(1);
        assertThat(bundle.manifest().algorithm()).isEqualTo("icq-tabular");
        // every row of every agent's table holds the value of the exported greedy action on that view
        for (int i = 0; i < w.agents().size(); i++) {
            AgentPolicy p = bundle.agent(i);
            List<PolicyRow> rows = vm.focus().policyTable(i);
            assertThat(rows).hasSize(p.viewCount());
            for (PolicyRow row : rows) {
                assertThat(row.value()).as("agent %d view %d", i, row.key()).isEqualTo(p.q(row.key(), p.actOnView(row.key())));
            }
        }
    }

    @Test
    void aNeuralSeedExportsFromTheDashboardAndItsBundleScoresTheRunsFinalGreedyReturn(@TempDir Path runs, @TempDir Path out)
            throws Exception {
        Workflow w = DashboardFixtures.gap(6_000);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
        trainToTheEnd(vm, TrainingMode.ICQ_NEURAL, 1);
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        ExportChoice seed1 = new ExportChoice(Algorithm.ICQ_NEURAL, 1);
        assertThat(vm.policies().exportChoices()).containsExactly(seed1);
        assertThat(vm.policies().exportUnavailableReason()).isEmpty();

        PolicyBundle bundle = PolicyBundle.load(vm.policies().exportPolicies(seed1, out.resolve("neural"), false));
        assertThat(bundle.manifest().algorithm()).isEqualTo("icq-neural");
        // the exported networks, played greedily with no training code, score exactly the run's last greedy J
        dev.handoff.policy.BundleEvaluation.Exact exact = dev.handoff.policy.BundleEvaluation.exact(bundle, w, WorkflowLoading.kindOf(w));
        assertThat(exact.j()).isEqualTo(vm.curves().greedyReturn(Algorithm.ICQ_NEURAL).get(1L).lastY());

        // the finished run's folder offers the same seed to export later (its networks are on disk)
        vm.runs().refresh();
        assertThat(vm.policies().exportChoices(vm.runs().runs().get(0))).extracting(ExportChoice::seed).containsExactly(1L);
    }
}
