package dev.handoff.sweep;

import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing load sweep on a modest budget reproduces Boyan &amp; Littman's shape on the 6×6 grid. */
class RoutingLoadSweepTest {

    @Test
    void shortestPathsExplodePastTheBridgeCapacityWhileQRoutingStaysBounded() throws Exception {
        Workflow w = SweepSamples.load("routing-6x6.workflow.json");
        SweepAxis axis = SweepAxes.standard().byId("load").orElseThrow();
        assertThat(axis.supports(w)).isTrue();
        SweepDesign d = axis.design(w, new SweepSettings(List.of("icq-tabular", "shortest-path", "oracle-router"),
                300_000L, Map.of("measure", 2000.0, "warmup", 1000.0)));
        SweepResult r = LocalSweepEngine.run(d, new double[] {0.5, 3.0}, List.of(1L, 2L), 2, null);
        int time = d.metricIndex("deliveryTime");
        int dropped = d.metricIndex("dropped");
        int q = d.policies().indexOf("icq-tabular");
        int sp = d.policies().indexOf("shortest-path");
        int oracle = d.policies().indexOf("oracle-router");
        double spLow = r.statistics(sp, time, 0).mean();
        assertThat(spLow).isBetween(4.6, 5.3); // the mean shortest path is 4.83 hops, plus a little queueing
        assertThat(r.statistics(q, time, 0).mean()).isLessThan(1.25 * spLow);
        for (int s = 0; s < 2; s++) {
            assertThat(r.value(sp, time, 1, s)).as("shortest paths at load 3").isGreaterThan(20 * spLow);
            assertThat(r.value(q, time, 1, s)).as("Q-routing at load 3").isLessThan(4 * spLow);
            assertThat(r.value(q, dropped, 1, s)).as("Q-routing drops at load 3").isZero();
            assertThat(r.value(oracle, time, 1, s)).as("oracle router at load 3").isLessThan(3 * spLow);
        }
    }

    @Test
    void loadAxisRejectsOtherKindsAndUnknownPolicies() throws Exception {
        SweepAxis axis = new RoutingLoadAxis();
        Workflow synthetic = SweepSamples.load("synthetic-ring10.workflow.json");
        assertThat(axis.supports(synthetic)).isFalse();
        assertThat(axis.unsupportedReason(synthetic)).contains("routing", "synthetic");
        Workflow routing = SweepSamples.load("routing-6x6.workflow.json");
        assertThatThrownBy(() -> axis.design(routing, new SweepSettings(List.of("dijkstra"), null, Map.of())))
                .hasMessageContaining("unknown policy \"dijkstra\"");
        assertThatThrownBy(() -> axis.design(routing, new SweepSettings(List.of("oracle"), null, Map.of())))
                .hasMessageContaining("oracle-router");
        assertThatThrownBy(() -> axis.design(routing, new SweepSettings(List.of(), null, Map.of("measur", 10.0))))
                .hasMessageContaining("no option \"measur\"");
        assertThat(axis.problemWith(0)).isNotNull();
        assertThat(axis.apply(routing, 1.75).environment().parameters().get("load")).isEqualTo(1.75);
    }
}
