package dev.handoff.views.graph;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One node on the canvas: an agent card (name, role and what it sees, problem badge, output port) or the STOP terminal. */
final class NodeView extends StackPane {
    static final double STOP_WIDTH = 112;
    static final double STOP_HEIGHT = 48;

    private final String nodeId;
    private final boolean stop;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label badge = new Label();
    private final Circle port = new Circle(6);
    private final Region body = new Region();
    private final Tooltip badgeTip = new Tooltip();
    private final Tooltip nodeTip = new Tooltip();
    private NodeDetail.Level level = NodeDetail.Level.FULL;
    private String fullTitle = "";

    NodeView(GraphSnapshot.NodeItem item) {
        this.nodeId = item.id();
        this.stop = item.stop();
        getStyleClass().add("graph-node");
        setId("node-" + item.id());
        body.getStyleClass().add(stop ? "stop-body" : "agent-body");
        title.getStyleClass().add(stop ? "stop-title" : "node-title");
        subtitle.getStyleClass().add("node-subtitle");
        VBox text = new VBox(2, title);
        if (!stop) {
            text.getChildren().add(subtitle);
        }
        text.setAlignment(stop ? Pos.CENTER : Pos.CENTER_LEFT);
        text.setPadding(stop ? Insets.EMPTY : new Insets(6, 14, 6, 12));
        text.setMouseTransparent(true);
        badge.getStyleClass().add("problem-badge");
        badge.setVisible(false);
        badge.setManaged(false);
        Tooltip.install(badge, badgeTip);
        getChildren().addAll(body, text);
        if (!stop) {
            port.getStyleClass().add("port");
            port.setId("port-" + item.id());
            port.setManaged(false);
            getChildren().add(port);
        }
        getChildren().add(badge);
        Tooltip.install(body, nodeTip);
        double w = stop ? STOP_WIDTH : GraphEditorViewModel.NODE_WIDTH;
        double h = stop ? STOP_HEIGHT : GraphEditorViewModel.NODE_HEIGHT;
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
        update(item);
    }

    String nodeId() {
        return nodeId;
    }

    Circle port() {
        return port;
    }

    boolean isStop() {
        return stop;
    }

    /** Offset of the drawn box inside the node's layout slot (STOP is smaller and centred in its slot). */
    static double insetX(boolean stop) {
        return stop ? (GraphEditorViewModel.NODE_WIDTH - STOP_WIDTH) / 2 : 0;
    }

    static double insetY(boolean stop) {
        return stop ? (GraphEditorViewModel.NODE_HEIGHT - STOP_HEIGHT) / 2 : 0;
    }

    void update(GraphSnapshot.NodeItem item) {
        relocate(item.x() + insetX(stop), item.y() + insetY(stop));
        fullTitle = stop ? "■  STOP" : item.title();
        subtitle.setText(item.subtitle());
        showDetail();
        pseudoClassStateChanged(GraphCanvas.SELECTED, item.selected());
        boolean problems = !item.problems().isEmpty();
        pseudoClassStateChanged(GraphCanvas.PROBLEM, problems);
        badge.setVisible(problems);
        badge.setText(problems ? String.valueOf(item.problems().size()) : "");
        badgeTip.setText(String.join("\n", item.problems()));
        nodeTip.setText(stop ? "STOP: handing off here ends the episode and submits the artifact"
                : item.title() + "\n" + item.subtitle() + (problems ? "\n\n⚠ " + String.join("\n⚠ ", item.problems()) : ""));
    }

    /** The level of detail for the canvas's zoom: the whole card, or the name alone, larger (issue 19.4). */
    void setLevel(NodeDetail.Level level) {
        if (this.level != level) {
            this.level = level;
            showDetail();
        }
    }

    /** The name as drawn now and its size in canvas units (0: the stylesheet's), for tests. */
    NodeDetail detail() {
        return NodeDetail.of(level, fullTitle, nodeId, stop ? NodeDetail.STOP_ROOM : NodeDetail.AGENT_ROOM);
    }

    private void showDetail() {
        NodeDetail d = detail();
        title.setText(d.text());
        title.setStyle(d.fontSize() > 0 ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", d.fontSize()) : "");
        subtitle.setVisible(d.subtitle());
        subtitle.setManaged(d.subtitle());
    }

    /** The name label (tests measure what is drawn). */
    Label title() {
        return title;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = getWidth();
        double h = getHeight();
        port.relocate(w - port.getRadius(), h / 2 - port.getRadius());
        badge.autosize();
        badge.relocate(w - badge.getWidth() + 6, -8);
    }
}
