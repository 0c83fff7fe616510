package dev.handoff.sweep;

import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic samples axis: greedy return after T handoffs, with the exact oracle gap where a finite model exists. */
class HandoffsAxisTest {

    @Test
    void oracleGapShrinksWithMoreHandoffsAndIsTheSameOnAnyNumberOfThreads() throws Exception {
        Workflow w = SweepSamples.load("synthetic-ring10.workflow.json");
        SweepAxis axis = SweepAxes.standard().byId("handoffs").orElseThrow();
        SweepDesign d = axis.design(w, new SweepSettings(List.of("icq-tabular"), null, Map.of()));
        assertThat(d.metrics()).extracting(SweepMetric::id).containsExactly("greedyReturn", "oracleGap");
        double[] t = {500, 200_000};
        List<Long> seeds = List.of(1L, 2L, 3L);
        SweepResult parallel = LocalSweepEngine.run(d, t, seeds, 2, null);
        SweepResult serial = LocalSweepEngine.run(d, t, seeds, 1, null);
        int gap = d.metricIndex("oracleGap");
        for (int v = 0; v < t.length; v++) {
            assertThat(parallel.seedValues(0, gap, v)).containsExactly(serial.seedValues(0, gap, v));
        }
        assertThat(parallel.statistics(0, gap, 1).mean()).isGreaterThanOrEqualTo(-1e-9)
                .isLessThan(parallel.statistics(0, gap, 0).mean());
        assertThat(axis.problemWith(2.5)).isNotNull();
        assertThat(axis.apply(w, 1234).training().handoffs()).isEqualTo(1234);
    }
}
