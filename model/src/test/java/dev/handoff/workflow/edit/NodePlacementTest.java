package dev.handoff.workflow.edit;

import dev.handoff.env.routing.TopologyImport;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.4: no node is drawn on another — on every sample workflow, on every Topology Zoo network shipped (imported
 * as a user would), and after {@link NodePlacement#separated} on any drawing; STOP has a place of its own.
 */
class NodePlacementTest {
    static Path samples() {
        Path d = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(d.resolve("sample-workflows"))) {
            d = d.getParent();
        }
        return d.resolve("sample-workflows");
    }

    private static List<String> overlaps(Map<String, Point> positions) {
        List<String> out = new ArrayList<>();
        List<Map.Entry<String, Point>> es = new ArrayList<>(positions.entrySet());
        for (int i = 0; i < es.size(); i++) {
            for (int j = i + 1; j < es.size(); j++) {
                if (NodePlacement.overlap(es.get(i).getValue(), es.get(j).getValue())) {
                    out.add(es.get(i).getKey() + " / " + es.get(j).getKey());
                }
            }
        }
        return out;
    }

    @Test
    void everySampleWorkflowIsDrawnWithoutOverlaps() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(p -> p.toString().endsWith(".workflow.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path f : files) {
            Workflow w = WorkflowJson.read(f);
            Map<String, Point> at = NodePlacement.of(w);
            assertThat(at).as(f.getFileName().toString()).hasSize(w.agents().size() + 1).containsKey(HandoffSpec.STOP);
            assertThat(overlaps(at)).as(f.getFileName() + " overlaps").isEmpty();
        }
    }

    @Test
    void everyImportedTopologyZooNetworkIsDrawnWithoutOverlaps() throws Exception {
        List<Path> networks;
        try (Stream<Path> s = Files.list(samples().resolve("data/routing/topology-zoo"))) {
            networks = s.filter(p -> p.toString().endsWith(".graphml")).sorted().toList();
        }
        assertThat(networks).hasSizeGreaterThanOrEqualTo(5);
        for (Path n : networks) {
            Map<String, Point> at = NodePlacement.of(TopologyImport.importFile(n));
            assertThat(overlaps(at)).as(n.getFileName() + " overlaps").isEmpty();
        }
    }

    @Test
    void stopGoesRightOfEverythingWhenTheLayoutDoesNotPlaceIt() throws Exception {
        Workflow grid = WorkflowJson.read(samples().resolve("routing-6x6.workflow.json"));
        assertThat(grid.layout().positions()).doesNotContainKey(HandoffSpec.STOP);
        Point stop = NodePlacement.of(grid).get(HandoffSpec.STOP);
        double right = grid.layout().positions().values().stream().mapToDouble(Point::x).max().orElseThrow();
        assertThat(stop.x()).isGreaterThanOrEqualTo(right + NodePlacement.WIDTH);
    }

    @Test
    void aSeparatedGridKeepsItsShape() {
        Map<String, Point> grid = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            grid.put("r" + i, new Point(50 * (i % 4), 30 * (i / 4)));
        }
        Map<String, Point> apart = NodePlacement.separated(grid);
        assertThat(overlaps(apart)).isEmpty();
        assertThat(apart.get("r1").y()).isEqualTo(apart.get("r0").y());
        assertThat(apart.get("r4").x()).isEqualTo(apart.get("r0").x());
        assertThat(apart.get("r1").x()).isGreaterThan(apart.get("r0").x());
    }

    @Property(tries = 200, seed = "19004")
    void separatedNeverLeavesAnOverlap(@ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 600) Double> xs,
                                       @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 400) Double> ys) {
        Map<String, Point> at = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            at.put("n" + i, new Point(xs.get(i), ys.get(i)));
        }
        Map<String, Point> apart = NodePlacement.separated(at);
        assertThat(apart.keySet()).containsExactlyElementsOf(at.keySet());
        assertThat(overlaps(apart)).isEmpty();
    }
}
