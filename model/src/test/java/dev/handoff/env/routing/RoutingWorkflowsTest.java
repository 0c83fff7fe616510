package dev.handoff.env.routing;

import dev.handoff.workflow.Layout;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingWorkflowsTest {
    private static final Path DATA = RoutingData.file("");

    @Test
    void theThreeSamplesAreValidRoutingWorkflows() throws IOException {
        RoutingKind kind = new RoutingKind();
        Workflow six = RoutingWorkflows.sixBySix(DATA);
        Workflow lata = RoutingWorkflows.lata(DATA);
        Workflow abilene = RoutingWorkflows.abilene(DATA);
        for (Workflow w : List.of(six, lata, abilene)) {
            assertThat(kind.validate(w)).as(w.name()).isEmpty();
            assertThat(w.environment().kind()).isEqualTo("routing");
            assertThat(w.training().gamma()).isEqualTo(1.0);
        }
        assertThat(six.name()).isEqualTo("routing-6x6");
        assertThat(six.agents()).hasSize(36);
        assertThat(six.handoffs()).hasSize(100);
        assertThat(lata.agents()).hasSize(116);
        assertThat(lata.handoffs()).hasSize(336);
        assertThat(abilene.agents()).hasSize(11);
        assertThat(abilene.handoffs()).hasSize(28);
        assertThat(abilene.agents().get(0).name()).isEqualTo("New York");
    }

    @Test
    void layoutsFitTheCanvasAndKeepNorthAndTheFiguresTopRowUp() throws IOException {
        for (Workflow w : List.of(RoutingWorkflows.sixBySix(DATA), RoutingWorkflows.lata(DATA),
                RoutingWorkflows.abilene(DATA))) {
            assertThat(w.layout().positions()).hasSize(w.agents().size());
            for (Layout.Point p : w.layout().positions().values()) {
                assertThat(p.x()).isBetween(0.0, RoutingWorkflows.CANVAS_WIDTH);
                assertThat(p.y()).isBetween(0.0, RoutingWorkflows.CANVAS_HEIGHT);
            }
        }
        Layout six = RoutingWorkflows.sixBySix(DATA).layout();
        assertThat(six.positions().get("r30").y()).isLessThan(six.positions().get("r0").y());
        assertThat(six.positions().get("r5").x()).isGreaterThan(six.positions().get("r0").x());
        Workflow abilene = RoutingWorkflows.abilene(DATA);
        Layout.Point seattle = point(abilene, "Seattle");
        Layout.Point newYork = point(abilene, "New York");
        Layout.Point houston = point(abilene, "Houston");
        assertThat(seattle.x()).isLessThan(newYork.x());
        assertThat(seattle.y()).isLessThan(houston.y());
        // the map spans the canvas's width (it is wider than tall)
        double minX = abilene.layout().positions().values().stream().mapToDouble(Layout.Point::x).min().orElseThrow();
        double maxX = abilene.layout().positions().values().stream().mapToDouble(Layout.Point::x).max().orElseThrow();
        assertThat(maxX - minX).isGreaterThan(800);
    }

    private static Layout.Point point(Workflow w, String name) {
        for (var a : w.agents()) {
            if (a.name().equals(name)) {
                return w.layout().positions().get(a.id());
            }
        }
        throw new AssertionError("no router named " + name);
    }

    @Test
    void samplesRoundTripThroughTheDocumentFormat() throws Exception {
        for (Workflow w : List.of(RoutingWorkflows.sixBySix(DATA), RoutingWorkflows.abilene(DATA))) {
            String json = WorkflowJson.write(w);
            Workflow back = WorkflowJson.parse(json, w.name());
            assertThat(WorkflowJson.write(back)).isEqualTo(json);
            assertThat(new RoutingKind().validate(back)).isEmpty();
            assertThat(back.handoffs()).isEqualTo(w.handoffs());
            assertThat(back.agents()).isEqualTo(w.agents());
        }
    }

    @Test
    void anyTopologyFileImportsAsAValidRoutingWorkflow() throws IOException {
        Workflow nsf = TopologyImport.importFile(RoutingData.file("topology-zoo/Nsfnet.graphml"));
        assertThat(nsf.name()).isEqualTo("routing-nsfnet");
        assertThat(nsf.agents()).hasSize(13);
        assertThat(nsf.handoffs()).hasSize(30);
        assertThat(new RoutingKind().validate(nsf)).isEmpty();
        assertThat(nsf.environment().parameters().get(RoutingParameters.LOAD)).isEqualTo(TopologyImport.DEFAULT_LOAD);

        Workflow gts = TopologyImport.importFile(RoutingData.file("topology-zoo/GtsCe.graphml"), 2.0);
        assertThat(gts.agents()).hasSize(149);
        assertThat(gts.handoffs()).hasSize(2 * 193);
        assertThat(new RoutingKind().validate(gts)).isEmpty();

        Workflow six = TopologyImport.importFile(RoutingData.sixBySix());
        assertThat(six.agents()).hasSize(36);
        assertThat(new RoutingKind().create(six).actionCount(20)).isEqualTo(4);
    }

    @Test
    void samplesPassTheGenericWorkflowRulesApartFromReachingStop() throws IOException {
        // Routing episodes end inside the environment (delivery), not by a handoff to STOP; the generic rule
        // "every agent reaches STOP" needs the kind's say-so (reported to the lead), everything else must hold.
        dev.handoff.workflow.WorkflowValidator validator = new dev.handoff.workflow.WorkflowValidator(
                List.of(new RoutingKind()));
        for (Workflow w : List.of(RoutingWorkflows.sixBySix(DATA), RoutingWorkflows.lata(DATA),
                RoutingWorkflows.abilene(DATA))) {
            assertThat(validator.validate(w)).as(w.name())
                    .filteredOn(p -> !p.message().contains("reaches " + dev.handoff.workflow.HandoffSpec.STOP))
                    .isEmpty();
        }
    }
}
