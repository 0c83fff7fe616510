package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LayeredLayoutTest {

    private static void assertNoOverlap(Map<String, Point> p) {
        List<Map.Entry<String, Point>> e = new ArrayList<>(p.entrySet());
        for (int i = 0; i < e.size(); i++) {
            for (int j = i + 1; j < e.size(); j++) {
                Point a = e.get(i).getValue();
                Point b = e.get(j).getValue();
                boolean overlap = Math.abs(a.x() - b.x()) < LayeredLayout.NODE_WIDTH
                        && Math.abs(a.y() - b.y()) < LayeredLayout.NODE_HEIGHT;
                assertThat(overlap).as("%s overlaps %s", e.get(i).getKey(), e.get(j).getKey()).isFalse();
            }
        }
    }

    @Test
    void tenAgentRingIsWrappedIntoRowsWithoutOverlap() {
        Map<String, Point> p = LayeredLayout.compute(TinyWorkflows.ring(10));
        assertThat(p).hasSize(11).containsKey(HandoffSpec.STOP);
        assertNoOverlap(p);
        double width = p.values().stream().mapToDouble(Point::x).max().orElseThrow() + LayeredLayout.NODE_WIDTH;
        double height = p.values().stream().mapToDouble(Point::y).max().orElseThrow() + LayeredLayout.NODE_HEIGHT;
        assertThat(width / height).as("aspect of the drawing").isBetween(0.8, 3.2);
    }

    @Test
    void aChainFlowsLeftToRightWithStopLast() {
        Workflow pair = DocumentEdits.connect(TinyWorkflows.solverVerifier(), "solver", "verifier").after();
        Map<String, Point> p = LayeredLayout.compute(pair);
        assertThat(p.get("solver").x()).isLessThan(p.get("verifier").x());
        assertThat(p.get("verifier").x()).isLessThan(p.get(HandoffSpec.STOP).x());
    }

    @Test
    void aGridNetworkIsLayeredByHopDistanceNotByALongChain() {
        List<AgentSpec> agents = new ArrayList<>();
        List<HandoffSpec> hs = new ArrayList<>();
        int n = 6;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                agents.add(new AgentSpec("r" + r + "c" + c, null, null, null, null, null));
                if (c + 1 < n) {
                    hs.add(new HandoffSpec("r" + r + "c" + c, "r" + r + "c" + (c + 1)));
                    hs.add(new HandoffSpec("r" + r + "c" + (c + 1), "r" + r + "c" + c));
                }
                if (r + 1 < n) {
                    hs.add(new HandoffSpec("r" + r + "c" + c, "r" + (r + 1) + "c" + c));
                    hs.add(new HandoffSpec("r" + (r + 1) + "c" + c, "r" + r + "c" + c));
                }
            }
        }
        hs.add(new HandoffSpec("r5c5", HandoffSpec.STOP));
        Workflow grid = new Workflow(1, null, null, null, new ArtifactSchema(List.of()), agents, hs, null, null, null);
        Map<String, Point> p = LayeredLayout.compute(grid);
        assertNoOverlap(p);
        long columns = p.values().stream().map(Point::x).distinct().count();
        assertThat(columns).as("distinct columns (hop distances 0..10 plus STOP, wrapped)").isLessThanOrEqualTo(12);
        assertThat(p.get("r0c1").x()).isEqualTo(p.get("r1c0").x());
    }

    @Test
    void layoutIsDeterministic() {
        assertThat(LayeredLayout.compute(TinyWorkflows.ring(7))).isEqualTo(LayeredLayout.compute(TinyWorkflows.ring(7)));
    }

    @Property(tries = 60)
    void randomGraphsNeverOverlap(@ForAll @IntRange(min = 0, max = 25) int n, @ForAll @IntRange(min = 0, max = 60) int edges,
                                  @ForAll long seed) {
        Random r = new Random(seed);
        List<AgentSpec> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(new AgentSpec("a" + i, null, null, null, null, null));
        }
        List<HandoffSpec> hs = new ArrayList<>();
        for (int k = 0; n > 0 && k < edges; k++) {
            int t = r.nextInt(n + 1);
            hs.add(new HandoffSpec("a" + r.nextInt(n), t == n ? HandoffSpec.STOP : "a" + t));
        }
        Workflow w = new Workflow(1, null, null, null, new ArtifactSchema(List.of()), agents, hs, null, null, null);
        Map<String, Point> p = LayeredLayout.compute(w);
        assertThat(p).hasSize(n + 1);
        assertNoOverlap(p);
    }
}
