package dev.handoff.views.graph;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Drawing a handoff by dragging from an agent's port: the line follows the pointer, the agent under it turns green or
 * red, and a hint says what a drop would do ("Connect A → B") or why it would be refused.
 */
final class ConnectGesture {
    private final GraphEditorViewModel vm;
    private final Map<String, NodeView> nodeViews;
    private final DoubleSupplier visibleRightEdge;
    private final Line line = new Line();
    private final Label hint = new Label();
    private String from;
    private String target;

    /** @param visibleRightEdge the right edge of the visible canvas, in world units (the hint flips left before it) */
    ConnectGesture(GraphEditorViewModel vm, Map<String, NodeView> nodeViews, DoubleSupplier visibleRightEdge) {
        this.vm = vm;
        this.nodeViews = nodeViews;
        this.visibleRightEdge = visibleRightEdge;
        line.getStyleClass().add("connect-line");
        line.setVisible(false);
        line.setMouseTransparent(true);
        hint.getStyleClass().add("connect-hint");
        hint.setVisible(false);
        hint.setMouseTransparent(true);
    }

    Line line() {
        return line;
    }

    Label hintLabel() {
        return hint;
    }

    boolean active() {
        return from != null;
    }

    void start(String fromNode) {
        from = fromNode;
        target = null;
        GraphSnapshot.NodeItem n = vm.graph().node(fromNode);
        line.setStartX(n.x() + GraphEditorViewModel.NODE_WIDTH);
        line.setStartY(n.y() + GraphEditorViewModel.NODE_HEIGHT / 2);
        line.setEndX(line.getStartX());
        line.setEndY(line.getStartY());
        line.setVisible(true);
        hint.setVisible(false);
    }

    /** The pointer moved to {@code p} (world units). */
    void update(Point2D p) {
        line.setEndX(p.getX());
        line.setEndY(p.getY());
        String at = nodeAt(p);
        setTargetFeedback(target, false, false);
        target = at;
        if (at == null) {
            line.pseudoClassStateChanged(GraphCanvas.ALLOWED, false);
            line.pseudoClassStateChanged(GraphCanvas.REFUSED, false);
            hint.setVisible(false);
            return;
        }
        Optional<String> why = vm.whyCannotConnect(from, at);
        line.pseudoClassStateChanged(GraphCanvas.ALLOWED, why.isEmpty());
        line.pseudoClassStateChanged(GraphCanvas.REFUSED, why.isPresent());
        setTargetFeedback(at, why.isEmpty(), why.isPresent());
        hint.setText(why.orElse("Connect " + vm.graph().node(from).title() + " → " + vm.graph().node(at).title()));
        hint.pseudoClassStateChanged(GraphCanvas.ALLOWED, why.isEmpty());
        hint.pseudoClassStateChanged(GraphCanvas.REFUSED, why.isPresent());
        hint.setVisible(true);
        hint.applyCss();
        hint.autosize();
        double hintWidth = hint.getWidth();
        double x = p.getX() + 14 + hintWidth > visibleRightEdge.getAsDouble() - 8 ? p.getX() - 14 - hintWidth : p.getX() + 14;
        hint.relocate(x, p.getY() + 14);
    }

    /** The hint shown while dragging ("" when none). */
    String hintText() {
        return hint.isVisible() ? hint.getText() : "";
    }

    /** The drop: connects when allowed. */
    void finish() {
        String a = from;
        String b = target;
        cancel();
        if (a != null && b != null) {
            vm.connect(a, b);
        }
    }

    void cancel() {
        setTargetFeedback(target, false, false);
        from = null;
        target = null;
        line.setVisible(false);
        hint.setVisible(false);
    }

    private void setTargetFeedback(String id, boolean allowed, boolean refused) {
        NodeView v = id == null ? null : nodeViews.get(id);
        if (v != null) {
            v.pseudoClassStateChanged(GraphCanvas.ALLOWED, allowed);
            v.pseudoClassStateChanged(GraphCanvas.REFUSED, refused);
        }
    }

    private String nodeAt(Point2D p) {
        GraphSnapshot g = vm.graph();
        for (int i = g.nodes().size() - 1; i >= 0; i--) {
            GraphSnapshot.NodeItem n = g.nodes().get(i);
            if (p.getX() >= n.x() && p.getX() <= n.x() + GraphEditorViewModel.NODE_WIDTH
                    && p.getY() >= n.y() && p.getY() <= n.y() + GraphEditorViewModel.NODE_HEIGHT) {
                return n.id();
            }
        }
        return null;
    }
}
