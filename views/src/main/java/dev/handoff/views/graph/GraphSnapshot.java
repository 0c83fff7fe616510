package dev.handoff.views.graph;

import dev.handoff.workflow.HandoffSpec;

import java.util.List;

/** Everything the canvas draws, in canvas coordinates: one immutable picture of the graph, its selection and problems. */
public record GraphSnapshot(List<NodeItem> nodes, List<EdgeItem> edges) {
    public GraphSnapshot {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** One node: an agent or the STOP terminal, with its top-left corner and what its badge says. */
    public record NodeItem(String id, String title, String subtitle, boolean stop, double x, double y, boolean selected,
                           List<String> problems) {
        public NodeItem {
            problems = List.copyOf(problems);
        }
    }

    /** One handoff edge. */
    public record EdgeItem(HandoffSpec handoff, String label, boolean selected, List<String> problems) {
        public EdgeItem {
            problems = List.copyOf(problems);
        }
    }

    public NodeItem node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }
}
