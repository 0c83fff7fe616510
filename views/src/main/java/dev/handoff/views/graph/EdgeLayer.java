package dev.handoff.views.graph;

import dev.handoff.workflow.HandoffSpec;
import javafx.scene.Group;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The canvas's handoff edges: routed around the nodes ({@link EdgeGeometry}), redrawn only where something changed
 * (while nodes are dragged, edges whose ends do not move keep their route until the drop), and the edges of the node
 * under the pointer highlighted so dense graphs stay legible.
 */
final class EdgeLayer extends Group {
    private final Map<HandoffSpec, DrawnEdge> drawn = new HashMap<>();
    private final Consumer<EdgeShape> wire;

    /** An edge as last drawn, so a redraw can keep shapes whose edge and surroundings did not change. */
    private record DrawnEdge(GraphSnapshot.EdgeItem item, EdgeGeometry.Box from, EdgeGeometry.Box to,
                             List<EdgeGeometry.Box> boxes, EdgeGeometry geometry, EdgeShape shape) {
    }

    /** @param wire gives a newly drawn edge its gestures (select, context menu) */
    EdgeLayer(Consumer<EdgeShape> wire) {
        this.wire = wire;
    }

    void render(GraphSnapshot g, boolean nodeDragging, String hoveredNode) {
        List<Node> shapes = new ArrayList<>();
        Map<HandoffSpec, DrawnEdge> next = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        g.edges().forEach(e -> pairs.add(e.handoff().from() + "\u0000" + e.handoff().to()));
        List<EdgeGeometry.Box> boxes = new ArrayList<>();
        Map<String, EdgeGeometry.Box> byId = new HashMap<>();
        for (GraphSnapshot.NodeItem n : g.nodes()) {
            EdgeGeometry.Box b = new EdgeGeometry.Box(n.id(), n.x() + NodeView.insetX(n.stop()), n.y() + NodeView.insetY(n.stop()),
                    n.stop() ? NodeView.STOP_WIDTH : GraphEditorViewModel.NODE_WIDTH,
                    n.stop() ? NodeView.STOP_HEIGHT : GraphEditorViewModel.NODE_HEIGHT);
            boxes.add(b);
            byId.put(n.id(), b);
        }
        for (GraphSnapshot.EdgeItem e : g.edges()) {
            EdgeGeometry.Box from = byId.get(e.handoff().from());
            EdgeGeometry.Box to = byId.get(e.handoff().to());
            if (from == null || to == null) {
                continue;
            }
            boolean hasReverse = pairs.contains(e.handoff().to() + "\u0000" + e.handoff().from());
            DrawnEdge old = drawn.get(e.handoff());
            boolean endsStill = old != null && old.from().equals(from) && old.to().equals(to);
            if (endsStill && old.item().equals(e) && (nodeDragging || old.boxes().equals(boxes))) {
                shapes.add(old.shape());
                next.put(e.handoff(), old);
                continue;
            }
            EdgeGeometry geo = endsStill && nodeDragging ? old.geometry() : EdgeGeometry.route(from, to, boxes, hasReverse);
            EdgeShape shape = new EdgeShape(e, geo);
            wire.accept(shape);
            next.put(e.handoff(), new DrawnEdge(e, from, to, boxes, geo, shape));
            shapes.add(shape);
        }
        getChildren().setAll(shapes);
        drawn.clear();
        drawn.putAll(next);
        highlightEdgesOf(hoveredNode);
    }

    /** Highlights the handoffs into and out of a node (null: none). */
    void highlightEdgesOf(String nodeId) {
        for (Node n : getChildren()) {
            if (n instanceof EdgeShape e) {
                HandoffSpec h = e.handoff();
                e.pseudoClassStateChanged(GraphCanvas.RELATED, nodeId != null && (h.from().equals(nodeId) || h.to().equals(nodeId)));
            }
        }
    }
}
