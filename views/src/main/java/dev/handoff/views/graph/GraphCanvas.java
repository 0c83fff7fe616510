package dev.handoff.views.graph;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The graph editor's canvas: draws the {@link GraphSnapshot} of a {@link GraphEditorViewModel} and turns gestures into
 * its commands — drag to move, drag from a port to connect ({@link ConnectGesture}), rubber-band select, double-click
 * to add, wheel to zoom, right/middle-drag to pan ({@link CanvasViewport}). Edges are drawn by an {@link EdgeLayer};
 * nodes show less but larger text as the zoom goes down ({@link NodeDetail}). Holds no document state of its own.
 */
public final class GraphCanvas extends Region {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    static final PseudoClass ALLOWED = PseudoClass.getPseudoClass("allowed");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    static final PseudoClass RELATED = PseudoClass.getPseudoClass("related");

    private final GraphEditorViewModel vm;
    private final CanvasViewport viewport = new CanvasViewport(this);
    private final Group world = new Group();
    private final EdgeLayer edgeLayer = new EdgeLayer(this::wireEdge);
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final ConnectGesture connect;
    /** True while nodes are being dragged: edges whose ends do not move keep their route until the drop. */
    private boolean nodeDragging;
    private String hoveredNode;
    private NodeDetail.Level level = NodeDetail.Level.FULL;
    private final Label emptyHint = new Label("Double-click (or use Add agent) to place your first agent.\n"
            + "Drag from an agent's ● port to another agent to draw a handoff.");
    private final ContextMenu selectionMenu = new ContextMenu();
    private final BackgroundGestures background;
    private Point2D pressScreen;

    public GraphCanvas(GraphEditorViewModel vm) {
        this.vm = vm;
        this.connect = new ConnectGesture(vm, nodeViews, () -> toWorld(getWidth(), 0).getX());
        this.background = new BackgroundGestures(this, vm, viewport, selectionMenu::hide);
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        world.getTransforms().setAll(viewport.transforms());
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        overlay.getChildren().addAll(background.rubberBand(), connect.line(), connect.hintLabel());
        overlay.setMouseTransparent(true);
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setMouseTransparent(true);
        getChildren().addAll(viewport.background());
        getChildren().addAll(world, emptyHint);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        viewport.zoomProperty().addListener((o, was, z) -> showLevel(NodeDetail.Level.at(z.doubleValue())));

        buildSelectionMenu();
        vm.graphProperty().addListener((o, a, g) -> render(g));
        render(vm.graph());
        background.install();
        setOnKeyPressed(e -> {
            double step = e.isShiftDown() ? 1 : 10;
            switch (e.getCode()) {
                case LEFT -> vm.moveSelectionBy(-step, 0);
                case RIGHT -> vm.moveSelectionBy(step, 0);
                case UP -> vm.moveSelectionBy(0, -step);
                case DOWN -> vm.moveSelectionBy(0, step);
                case ESCAPE -> {
                    connect.cancel();
                    vm.selection().clear();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    // ---- zoom and pan (presentation only)

    public double zoom() {
        return viewport.zoom();
    }

    /** The current zoom factor (1 = 100%). */
    public javafx.beans.property.ReadOnlyDoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public void zoomBy(double factor) {
        viewport.zoomAround(factor, getWidth() / 2, getHeight() / 2);
    }

    public void resetZoom() {
        viewport.zoomAround(1 / zoom(), getWidth() / 2, getHeight() / 2);
    }

    /** Zooms and pans so the whole graph, curves included, fits the canvas (never enlarging past 100%). */
    public void fitToView() {
        viewport.fit(vm.graph(), edgeLayer.getChildren().isEmpty() ? null : edgeLayer.getBoundsInParent());
    }

    /** Canvas (world) coordinates of a point in this region's coordinates. */
    public Point2D toWorld(double x, double y) {
        return viewport.toWorld(x, y);
    }

    /** The centre of the visible part of the canvas, in world coordinates (where toolbar "Add agent" puts a node). */
    public Point2D visibleCentre() {
        return toWorld(getWidth() / 2, getHeight() / 2);
    }

    @Override
    protected void layoutChildren() {
        viewport.drawGrid();
        emptyHint.autosize();
        emptyHint.relocate((getWidth() - emptyHint.getWidth()) / 2, getHeight() * 0.42);
    }

    // ---- rendering

    private void render(GraphSnapshot g) {
        Set<String> alive = new HashSet<>();
        for (GraphSnapshot.NodeItem item : g.nodes()) {
            alive.add(item.id());
            NodeView v = nodeViews.get(item.id());
            if (v == null) {
                v = new NodeView(item);
                v.setLevel(level);
                wireNode(v);
                nodeViews.put(item.id(), v);
                nodeLayer.getChildren().add(v);
            } else {
                v.update(item);
            }
        }
        nodeViews.entrySet().removeIf(e -> {
            if (!alive.contains(e.getKey())) {
                nodeLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        edgeLayer.render(g, nodeDragging, hoveredNode);
        emptyHint.setVisible(g.nodes().size() <= 1);
    }

    /** Switches every node's level of detail when the zoom crosses a threshold (not on every zoom step). */
    private void showLevel(NodeDetail.Level next) {
        if (next != level) {
            level = next;
            nodeViews.values().forEach(v -> v.setLevel(next));
        }
    }

    private void wireEdge(EdgeShape shape) {
        shape.setOnMousePressed(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                if (ev.isShortcutDown() || ev.isShiftDown()) {
                    vm.selection().toggle(shape.handoff());
                } else {
                    vm.selection().selectOnly(shape.handoff());
                }
                ev.consume();
            }
        });
        shape.setOnContextMenuRequested(ev -> {
            if (!vm.selection().handoffs().contains(shape.handoff())) {
                vm.selection().selectOnly(shape.handoff());
            }
            selectionMenu.show(shape, ev.getScreenX(), ev.getScreenY());
            ev.consume();
        });
    }

    // ---- node gestures

    private void wireNode(NodeView v) {
        v.hoverProperty().addListener((o, was, now) -> {
            hoveredNode = now ? v.nodeId() : null;
            edgeLayer.highlightEdgesOf(hoveredNode);
        });
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (e.getTarget() == v.port()) {
                connect.start(v.nodeId());
            } else if (e.isShortcutDown() || e.isShiftDown()) {
                vm.selection().toggle(v.nodeId());
            } else {
                pressScreen = new Point2D(e.getSceneX(), e.getSceneY());
                nodeDragging = true;
                vm.beginDrag(v.nodeId());
            }
            e.consume();
        });
        v.setOnMouseDragged(e -> {
            if (connect.active()) {
                Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
                connect.update(toWorld(local.getX(), local.getY()));
            } else if (pressScreen != null) {
                vm.dragTo((e.getSceneX() - pressScreen.getX()) / zoom(), (e.getSceneY() - pressScreen.getY()) / zoom());
            }
            e.consume();
        });
        v.setOnMouseReleased(e -> {
            if (connect.active()) {
                connect.finish();
            } else if (pressScreen != null) {
                pressScreen = null;
                nodeDragging = false;
                vm.endDrag();
            }
            e.consume();
        });
        v.setOnMouseClicked(e -> e.consume());
        v.setOnContextMenuRequested(e -> {
            if (!vm.selection().nodes().contains(v.nodeId())) {
                vm.selection().selectOnly(v.nodeId());
            }
            selectionMenu.show(v, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        if (!v.isStop()) {
            Tooltip.install(v.port(), new Tooltip("Drag to another agent (or STOP) to draw a handoff"));
        }
    }

    /** The hint shown while dragging a connection ("" when none): what a drop would do, or why it would be refused. */
    public String connectionHint() {
        return connect.hintText();
    }

    private void buildSelectionMenu() {
        MenuItem cut = new MenuItem("Cut");
        cut.disableProperty().bind(vm.canCopyProperty().not());
        cut.setOnAction(a -> vm.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.disableProperty().bind(vm.canCopyProperty().not());
        copy.setOnAction(a -> vm.copy());
        MenuItem delete = new MenuItem("Delete");
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        delete.setOnAction(a -> vm.deleteSelection());
        selectionMenu.getItems().addAll(cut, copy, new SeparatorMenuItem(), delete);
    }

    /** The drawn node for an id (for tests and for scrolling to a culprit). */
    public Node nodeView(String id) {
        return nodeViews.get(id);
    }

    /** The name a node shows now, and its on-screen font size in pixels (0 while the stylesheet's size is used). */
    public String nodeText(String id) {
        NodeView v = nodeViews.get(id);
        return v == null ? null : v.detail().text();
    }

    /** The on-screen size of a node's name, in pixels: its font size at this zoom. */
    public double nodeTextPixels(String id) {
        NodeView v = nodeViews.get(id);
        return v == null ? 0 : v.title().getFont().getSize() * zoom();
    }

    /** Screen bounds of a node's output port (tests drag from it). */
    public Bounds portScreenBounds(String id) {
        NodeView v = nodeViews.get(id);
        return v == null ? null : v.port().localToScreen(v.port().getBoundsInLocal());
    }

    static Polygon arrowHead() {
        Polygon p = new Polygon(0, 0, -11, -5.5, -11, 5.5);
        p.getStyleClass().add("edge-arrow");
        return p;
    }
}
