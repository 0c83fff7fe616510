package dev.handoff.views.training.extension.routing;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.routing.RoutingRun;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.views.training.extension.MeasuredPanel;
import dev.handoff.views.training.extension.SeedState;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.handoff.views.training.DashboardFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The routing panel's figures are the routing kind's own: RoutingRun's baselines, RoutingMetrics of the frozen greedy run. */
class RoutingPanelViewModelTest {
    private static final double WARMUP = 200;
    private static final double MEASURED = 600;

    @Test
    void aTrainedSeedsFrozenGreedyRoutesBesideTheBaselinesAsTheModelMeasuresThem() throws Exception {
        Workflow w = sample("routing-6x6");
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        try (SeedRun seed = SeedRuns.create(w, kind, Algorithm.ICQ_TABULAR, 1, 40_000, null)) {
            assertThat(seed.runUntil(40_000, null)).isTrue();
            byte[] before = SeedState.of(seed);
            RoutingPanelViewModel panel = RoutingPanelViewModel.measure(w, kind, seed, WARMUP, MEASURED);
            // measuring ran the policy on a network of its own: the seed is exactly as it was
            assertThat(SeedState.of(seed)).isEqualTo(before);
            assertThat(seed.handoffs()).isEqualTo(40_000);

            assertThat(panel.results()).extracting(RoutingPanelViewModel.PolicyResult::policy)
                    .containsExactly("icq-tabular seed 1 (greedy, frozen)", "shortest-path", "oracle-router");
            // the baselines' figures are RoutingRun.sweep's at the workflow's load with the same seed and stretch
            for (int i = 1; i <= 2; i++) {
                RoutingRun.Baseline b = RoutingRun.Baseline.byId(panel.results().get(i).policy());
                RoutingRun.Summary expected = RoutingRun.sweep(w, new double[] {2.5}, b, RoutingPanelViewModel.TRAFFIC_SEED,
                        WARMUP, MEASURED).get(0);
                assertThat(panel.results().get(i).summary()).as(b.id()).isEqualTo(expected);
            }
            // shortest paths deliver every packet on a shortest path, by construction
            assertThat(panel.results().get(1).summary().routingAccuracy()).isEqualTo(1.0);
            for (RoutingPanelViewModel.PolicyResult r : panel.results()) {
                RoutingRun.Summary s = r.summary();
                assertThat(s.load()).isEqualTo(2.5);
                assertThat(s.delivered()).as(r.policy()).isGreaterThan(500);
                // every delivered packet crossed at least one link, each crossing is one router's forwarding
                assertThat(Arrays.stream(r.forwardedByRouter()).sum()).as(r.policy()).isGreaterThan(s.delivered() + s.dropped());
                assertThat(r.forwardedByRouter()).hasSize(36);
            }
            // a frozen greedy policy is a function of the seed: measuring again gives the same figures
            RoutingPanelViewModel again = RoutingPanelViewModel.measure(w, kind, seed, WARMUP, MEASURED);
            assertThat(again.results().get(0).summary()).isEqualTo(panel.results().get(0).summary());
            assertThat(again.results().get(0).forwardedByRouter()).isEqualTo(panel.results().get(0).forwardedByRouter());

            MeasuredPanel.Table table = panel.table();
            assertThat(table.columns()).containsExactly("policy", "delivered", "dropped", "mean delivery time",
                    "on a shortest path");
            assertThat(table.rows().get(1)).containsExactly("shortest-path",
                    String.valueOf(panel.results().get(1).summary().delivered()),
                    String.valueOf(panel.results().get(1).summary().dropped()),
                    String.format(java.util.Locale.ROOT, "%.2f", panel.results().get(1).summary().meanDeliveryTime()),
                    "100.0%");
            MeasuredPanel.Bars bars = panel.bars();
            assertThat(bars.categories()).hasSize(36).startsWith("r0", "r1");
            assertThat(bars.values()[2][5]).isEqualTo(panel.results().get(2).forwardedByRouter()[5]);
            assertThat(panel.title()).isEqualTo("Routing of icq-tabular seed 1");
            assertThat(panel.header()).contains("load 2.5").contains(String.format(java.util.Locale.ROOT, "%.2f",
                    panel.results().get(0).summary().meanDeliveryTime()));
        }
    }
}
