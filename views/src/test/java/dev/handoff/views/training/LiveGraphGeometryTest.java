package dev.handoff.views.training;

import dev.handoff.env.routing.TopologyImport;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.4 on the dashboard's graph: STOP is not drawn on a router, boxes never touch (the edges between neighbours
 * stay visible), and node text is legible or left out — on every sample and every shipped Topology Zoo network, at
 * the dashboard's usual panel size and at a small one.
 */
class LiveGraphGeometryTest {
    private static final double[][] PANELS = {{620, 400}, {320, 220}};

    private static Path samples() {
        return DashboardFixtures.repoRoot().resolve("sample-workflows");
    }

    private static List<Workflow> everyWorkflow() throws Exception {
        List<Workflow> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(samples())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".workflow.json")).sorted().toList()) {
                out.add(WorkflowJson.read(f));
            }
        }
        try (Stream<Path> s = Files.list(samples().resolve("data/routing/topology-zoo"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".graphml")).sorted().toList()) {
                out.add(TopologyImport.importFile(f));
            }
        }
        return out;
    }

    /** Pairs of boxes closer than the gap: {x, y, w, h} each. */
    private static List<String> crowded(LiveGraphGeometry g, double gap) {
        List<String> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(g.centres().keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double[] a = g.box(ids.get(i));
                double[] b = g.box(ids.get(j));
                boolean apartX = a[0] + a[2] + gap <= b[0] + 1e-9 || b[0] + b[2] + gap <= a[0] + 1e-9;
                boolean apartY = a[1] + a[3] + gap <= b[1] + 1e-9 || b[1] + b[3] + gap <= a[1] + 1e-9;
                if (!apartX && !apartY) {
                    out.add(ids.get(i) + " / " + ids.get(j));
                }
            }
        }
        return out;
    }

    @Test
    void noBoxTouchesAnotherAndTextIsLegibleOrLeftOut() throws Exception {
        for (Workflow w : everyWorkflow()) {
            for (double[] panel : PANELS) {
                LiveGraphGeometry g = LiveGraphGeometry.fit(w, panel[0], panel[1]);
                String what = w.name() + " at " + (int) panel[0] + "×" + (int) panel[1];
                assertThat(g.centres()).as(what).hasSize(w.agents().size() + 1).containsKey(HandoffSpec.STOP);
                assertThat(crowded(g, 1 - 1e-6)).as(what + ": boxes touch").isEmpty();
                if (g.labelled()) {
                    assertThat(crowded(g, LiveGraphGeometry.GAP - 1e-6)).as(what + ": no room for edges").isEmpty();
                }
                assertThat(g.labelled()).as(what + ": labelled iff legible").isEqualTo(g.fontSize() >= LiveGraphGeometry.MIN_FONT);
            }
        }
    }

    @Test
    void theGridAtTheDashboardsSizeHasLabelledBoxesWithRoomForEdgesAndStopOfItsOwn() throws Exception {
        Workflow grid = WorkflowJson.read(samples().resolve("routing-6x6.workflow.json"));
        LiveGraphGeometry g = LiveGraphGeometry.fit(grid, 620, 400);
        assertThat(g.labelled()).isTrue();
        assertThat(g.fontSize()).isGreaterThanOrEqualTo(LiveGraphGeometry.MIN_FONT);
        double gapR24R25 = g.box("r25")[0] - (g.box("r24")[0] + g.box("r24")[2]);
        assertThat(gapR24R25).as("room between neighbours for the edge").isGreaterThanOrEqualTo(LiveGraphGeometry.GAP);
        double[] stop = g.box(HandoffSpec.STOP);
        assertThat(stop[0]).as("STOP right of the grid").isGreaterThan(g.box("r35")[0] + g.box("r35")[2]);
    }
}
