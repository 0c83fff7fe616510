package dev.handoff.views.graph;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.transform.Rotate;

/** One drawn handoff: the curve, a wider invisible hit area, the arrowhead at the target, and an optional label. */
final class EdgeShape extends Group {
    private final dev.handoff.workflow.HandoffSpec handoff;

    EdgeShape(GraphSnapshot.EdgeItem item, EdgeGeometry g) {
        this.handoff = item.handoff();
        getStyleClass().add("graph-edge");
        setId("edge-" + item.handoff().from() + "-" + item.handoff().to());
        Path hit = curve(g);
        hit.getStyleClass().add("edge-hit");
        Path line = curve(g);
        line.getStyleClass().add("edge-line");
        line.setMouseTransparent(true);
        Polygon arrow = GraphCanvas.arrowHead();
        double angle = Math.toDegrees(g.arrivalAngle());
        arrow.getTransforms().setAll(new javafx.scene.transform.Translate(g.x1(), g.y1()), new Rotate(angle, 0, 0));
        arrow.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow);
        String text = item.label();
        if (item.label() != null && !item.label().isBlank() && item.problems().isEmpty()) {
            Tooltip.install(hit, new Tooltip(item.label()));
        }
        if (!item.problems().isEmpty()) {
            text = (text == null ? "" : text + "  ") + "⚠";
            Tooltip.install(hit, new Tooltip(String.join("\n", item.problems())));
        }
        double room = Math.hypot(g.x1() - g.x0(), g.y1() - g.y0());
        if (text != null && !text.isBlank() && room > 24 + 8 * text.length()) {
            Label label = new Label(text);
            label.getStyleClass().add("edge-label");
            label.setMouseTransparent(true);
            label.autosize();
            label.relocate(g.midX() - label.prefWidth(-1) / 2, g.midY() - label.prefHeight(-1) / 2);
            getChildren().add(label);
        }
        pseudoClassStateChanged(GraphCanvas.SELECTED, item.selected());
        pseudoClassStateChanged(GraphCanvas.PROBLEM, !item.problems().isEmpty());
    }

    dev.handoff.workflow.HandoffSpec handoff() {
        return handoff;
    }

    private static Path curve(EdgeGeometry g) {
        Path p = new Path(new MoveTo(g.x0(), g.y0()), new QuadCurveTo(g.cx(), g.cy(), g.x1(), g.y1()));
        p.setFill(null);
        return p;
    }
}
