package dev.handoff.env.routing;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedTopologyTest {
    @Test
    void generatedNetworkIsConnectedSparseAndPlacedInTheUnitSquare() {
        Topology t = GeneratedTopology.nearestNeighbours(1000, 2, 1);

        assertThat(t.nodeCount()).isEqualTo(1000);
        assertThat(new ConnectivityInspector<>(t.graph()).isConnected()).isTrue();
        for (int[] neighbours : t.adjacency()) {
            assertThat(neighbours.length).isBetween(2, 20);
        }
        assertThat(t.linkCount()).isLessThan(2 * 1000 + 100);
        assertThat(t.nodes()).allSatisfy(n -> {
            assertThat(n.x()).isBetween(0.0, 1.0);
            assertThat(n.y()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void sameSeedSameNetworkOtherSeedAnother() {
        assertThat(GeneratedTopology.nearestNeighbours(200, 3, 5)).isEqualTo(GeneratedTopology.nearestNeighbours(200, 3, 5));
        assertThat(GeneratedTopology.nearestNeighbours(200, 3, 6).links())
                .isNotEqualTo(GeneratedTopology.nearestNeighbours(200, 3, 5).links());
    }

    @Test
    void aGeneratedNetworkMakesAValidRoutingWorkflow() {
        Workflow w = RoutingWorkflows.fromTopology("generated-300", GeneratedTopology.nearestNeighbours(300, 2, 3), 1.0, "test");

        assertThat(WorkflowLoading.problemsOf(w)).isEmpty();
        assertThat(w.agents()).hasSize(300);
    }
}
