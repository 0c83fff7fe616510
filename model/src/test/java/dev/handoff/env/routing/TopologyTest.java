package dev.handoff.env.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TopologyTest {

    @Test
    void sixBySixGridHas36RoutersAnd50Links() throws IOException {
        Topology t = Topology.read(RoutingData.sixBySix());
        assertThat(t.nodeCount()).isEqualTo(36);
        assertThat(t.linkCount()).isEqualTo(50);
        assertThat(t.nodes().get(20).x()).isEqualTo(0.3);
        assertThat(t.nodes().get(20).y()).isEqualTo(0.4);
        // the two halves are joined only by the centre bridge 20-21 and the top row 32-33
        assertThat(t.links()).contains(new Topology.Link(20, 21), new Topology.Link(32, 33));
        assertThat(t.links().stream().filter(l -> t.nodes().get(l.a()).x() < 0.4 != t.nodes().get(l.b()).x() < 0.4))
                .containsExactlyInAnyOrder(new Topology.Link(20, 21), new Topology.Link(32, 33));
    }

    @Test
    void sixBySixMeanShortestPathIs4Point8349Hops() throws IOException {
        ShortestPaths sp = ShortestPaths.of(Topology.read(RoutingData.sixBySix()));
        assertThat(sp.meanShortestPath()).isCloseTo(4.8349, within(0.00005));
        int diameter = 0;
        for (int s = 0; s < 36; s++) {
            for (int d = 0; d < 36; d++) {
                diameter = Math.max(diameter, sp.distance(s, d));
            }
        }
        assertThat(diameter).isEqualTo(11);
    }

    @Test
    void expectedRoutesThroughEachRouterMatchFigure3UniformTieBreakColumn() throws IOException {
        ShortestPaths sp = ShortestPaths.of(Topology.read(RoutingData.sixBySix()));
        double[] through = sp.expectedRoutesThrough();
        List<String> rows = Files.readAllLines(RoutingData.file("boyan-littman/boyan_littman_fig3_policy_summary.csv"));
        assertThat(rows.get(0)).endsWith("expected_shortest_path_uniform_tiebreak");
        double total = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            int node = Integer.parseInt(f[0]);
            double expected = Double.parseDouble(f[3]);
            assertThat(through[node]).as("routes through node %d", node).isCloseTo(expected, within(0.0005 + 1e-9));
            total += through[node];
        }
        assertThat(rows).hasSize(37);
        // every ordered pair's route occupies its hop count of routers: 1260 pairs × 4.8349 hops = 6092
        assertThat(total).isCloseTo(6092.0, within(1e-6));
    }

    @Test
    void lataNetworkHas116RoutersAnd168Links() throws IOException {
        Topology t = Topology.read(RoutingData.file("boyan-littman/lata.net"));
        assertThat(t.nodeCount()).isEqualTo(116);
        assertThat(t.linkCount()).isEqualTo(168);
        assertThat(new org.jgrapht.alg.connectivity.ConnectivityInspector<>(t.graph()).isConnected()).isTrue();
    }

    @Test
    void abileneGraphmlLoadsWithCityNamesAndCoordinates() throws IOException {
        Topology t = Topology.read(RoutingData.file("topology-zoo/Abilene.graphml"));
        assertThat(t.name()).isEqualTo("Abilene");
        assertThat(t.nodeCount()).isEqualTo(11);
        assertThat(t.linkCount()).isEqualTo(14);
        assertThat(t.nodes().get(0).name()).isEqualTo("New York");
        assertThat(t.nodes().get(0).x()).isEqualTo(-74.00597);
        assertThat(t.nodes().get(0).y()).isEqualTo(40.71427);
        assertThat(t.nodes()).allMatch(Topology.Node::hasPosition);
        assertThat(t.nodes()).extracting(Topology.Node::name).contains("Chicago", "Seattle", "Sunnyvale", "Houston");
    }

    @Test
    void graphmlParallelEdgeIsRemoved() throws IOException {
        Topology t = Topology.read(RoutingData.file("topology-zoo/AttMpls.graphml"));
        assertThat(t.nodeCount()).isEqualTo(25);
        assertThat(t.linkCount()).isEqualTo(56);
    }

    @Test
    void graphmlKeepsLargestComponentAndDropsSelfLoops(@TempDir Path dir) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="label" attr.type="string" for="node" id="k9" />
                  <key attr.name="Latitude" attr.type="double" for="node" id="k1" />
                  <graph edgedefault="undirected">
                    <node id="a"><data key="k9">Alpha</data><data key="k1">10.5</data></node>
                    <node id="b"><data key="k9">Beta</data></node>
                    <node id="c"/>
                    <node id="x"><data key="k9">Island</data></node>
                    <node id="y"/>
                    <edge source="a" target="b"/>
                    <edge source="b" target="a"/>
                    <edge source="b" target="c"/>
                    <edge source="c" target="c"/>
                    <edge source="x" target="y"/>
                  </graph>
                </graphml>
                """;
        Path f = dir.resolve("Tiny.graphml");
        Files.writeString(f, xml);
        Topology t = Topology.read(f);
        assertThat(t.name()).isEqualTo("Tiny");
        assertThat(t.nodes()).extracting(Topology.Node::name).containsExactly("Alpha", "Beta", "c");
        assertThat(t.links()).containsExactly(new Topology.Link(0, 1), new Topology.Link(1, 2));
        assertThat(t.nodes().get(0).hasPosition()).isFalse();
    }
}
