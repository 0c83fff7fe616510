package dev.handoff.views.graph;

import dev.handoff.workflow.HandoffSpec;
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
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph editor's canvas: draws the {@link GraphSnapshot} of a {@link GraphEditorViewModel} and turns gestures into
 * its commands — drag to move, drag from a port to connect (with live allowed / refused feedback), rubber-band select,
 * double-click to add, wheel to zoom, right/middle-drag to pan. Holds no document state of its own.
 */
public final class GraphCanvas extends Region {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    static final PseudoClass ALLOWED = PseudoClass.getPseudoClass("allowed");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    static final PseudoClass RELATED = PseudoClass.getPseudoClass("related");
    private static final double MIN_ZOOM = 0.25;
    private static final double MAX_ZOOM = 2.5;

    private final GraphEditorViewModel vm;
    private final Group world = new Group();
    private final javafx.scene.canvas.Canvas grid = new javafx.scene.canvas.Canvas();
    /** Styled by CSS only to learn the theme's dot colour for the grid (a canvas cannot be styled). */
    private final javafx.scene.shape.Circle gridProbe = new javafx.scene.shape.Circle(1);
    private final javafx.beans.property.ReadOnlyDoubleWrapper zoom = new javafx.beans.property.ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate(0, 0);
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private final Map<HandoffSpec, DrawnEdge> drawnEdges = new HashMap<>();
    /** True while nodes are being dragged: edges whose ends do not move keep their route until the drop. */
    private boolean nodeDragging;
    private String hoveredNode;
    private final Rectangle rubberBand = new Rectangle();
    private final Line connectLine = new Line();
    private final Label connectHint = new Label();
    private final Label emptyHint = new Label("Double-click (or use Add agent) to place your first agent.\n"
            + "Drag from an agent's ● port to another agent to draw a handoff.");
    private final ContextMenu backgroundMenu = new ContextMenu();
    private final ContextMenu selectionMenu = new ContextMenu();

    private Point2D pressWorld;
    private Point2D pressScreen;
    private boolean rubberBanding;
    private boolean panning;
    private String connectFrom;
    private String connectTarget;
    private double lastContextX;
    private double lastContextY;

    public GraphCanvas(GraphEditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        world.getTransforms().setAll(pan, scale);
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setManaged(false);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setVisible(false);
        connectLine.setMouseTransparent(true);
        connectHint.getStyleClass().add("connect-hint");
        connectHint.setVisible(false);
        connectHint.setMouseTransparent(true);
        overlay.getChildren().addAll(rubberBand, connectLine, connectHint);
        overlay.setMouseTransparent(true);
        emptyHint.getStyleClass().add("empty-hint");
        emptyHint.setMouseTransparent(true);
        gridProbe.getStyleClass().add("grid-dot");
        gridProbe.setVisible(false);
        gridProbe.setManaged(false);
        grid.setMouseTransparent(true);
        getChildren().addAll(gridProbe, grid, world, emptyHint);
        zoom.bind(scale.xProperty());
        javafx.beans.InvalidationListener redraw = o -> drawGrid();
        for (javafx.beans.Observable o : List.of(widthProperty(), heightProperty(), pan.xProperty(), pan.yProperty(),
                scale.xProperty(), gridProbe.fillProperty())) {
            o.addListener(redraw);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        buildMenus();
        vm.graphProperty().addListener((o, a, g) -> render(g));
        render(vm.graph());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::backgroundClicked);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        setOnKeyPressed(e -> {
            double step = e.isShiftDown() ? 1 : 10;
            switch (e.getCode()) {
                case LEFT -> vm.moveSelectionBy(-step, 0);
                case RIGHT -> vm.moveSelectionBy(step, 0);
                case UP -> vm.moveSelectionBy(0, -step);
                case DOWN -> vm.moveSelectionBy(0, step);
                case ESCAPE -> {
                    cancelConnect();
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
        return scale.getX();
    }

    /** The current zoom factor (1 = 100%). */
    public javafx.beans.property.ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** A dot every 24 canvas units (48 when zoomed far out), panning and zooming with the graph. */
    private void drawGrid() {
        double w = getWidth();
        double h = getHeight();
        grid.setWidth(w);
        grid.setHeight(h);
        var g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (!(gridProbe.getFill() instanceof javafx.scene.paint.Color c)) {
            return;
        }
        double step = 24 * zoom() * (zoom() < 0.5 ? 2 : 1);
        double r = Math.max(0.8, 1.2 * Math.min(1, zoom()));
        g.setFill(c);
        double x0 = ((pan.getX() % step) + step) % step;
        double y0 = ((pan.getY() % step) + step) % step;
        for (double x = x0; x < w; x += step) {
            for (double y = y0; y < h; y += step) {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        }
    }

    public void zoomBy(double factor) {
        zoomAround(factor, getWidth() / 2, getHeight() / 2);
    }

    public void resetZoom() {
        zoomAround(1 / zoom(), getWidth() / 2, getHeight() / 2);
    }

    private void zoomAround(double factor, double sx, double sy) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom() * factor));
        Point2D before = toWorld(sx, sy);
        scale.setX(z);
        scale.setY(z);
        pan.setX(sx - before.getX() * z);
        pan.setY(sy - before.getY() * z);
    }

    /** Zooms and pans so the whole graph, curves included, fits the canvas (never enlarging past 100%). */
    public void fitToView() {
        GraphSnapshot g = vm.graph();
        if (g.nodes().isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (GraphSnapshot.NodeItem n : g.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + GraphEditorViewModel.NODE_WIDTH);
            maxY = Math.max(maxY, n.y() + GraphEditorViewModel.NODE_HEIGHT);
        }
        Bounds curves = edgeLayer.getBoundsInParent();
        if (!edgeLayer.getChildren().isEmpty() && !curves.isEmpty()) {
            minX = Math.min(minX, curves.getMinX());
            minY = Math.min(minY, curves.getMinY());
            maxX = Math.max(maxX, curves.getMaxX());
            maxY = Math.max(maxY, curves.getMaxY());
        }
        double margin = 48;
        double z = Math.min((getWidth() - 2 * margin) / (maxX - minX), (getHeight() - 2 * margin) / (maxY - minY));
        z = Math.max(MIN_ZOOM, Math.min(1.0, z));
        scale.setX(z);
        scale.setY(z);
        pan.setX((getWidth() - (maxX - minX) * z) / 2 - minX * z);
        pan.setY((getHeight() - (maxY - minY) * z) / 2 - minY * z);
    }

    /** Canvas (world) coordinates of a point in this region's coordinates. */
    public Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom(), (y - pan.getY()) / zoom());
    }

    /** The centre of the visible part of the canvas, in world coordinates (where toolbar "Add agent" puts a node). */
    public Point2D visibleCentre() {
        return toWorld(getWidth() / 2, getHeight() / 2);
    }

    @Override
    protected void layoutChildren() {
        drawGrid();
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
        renderEdges(g);
        emptyHint.setVisible(g.nodes().size() <= 1);
    }

    private void renderEdges(GraphSnapshot g) {
        List<Node> shapes = new ArrayList<>();
        Map<HandoffSpec, DrawnEdge> nextDrawn = new HashMap<>();
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
            DrawnEdge old = drawnEdges.get(e.handoff());
            boolean endsStill = old != null && old.from().equals(from) && old.to().equals(to);
            if (endsStill && old.item().equals(e) && (nodeDragging || old.boxes().equals(boxes))) {
                // nothing about this edge changed (or a drag is in progress and its ends did not move): keep it
                shapes.add(old.shape());
                nextDrawn.put(e.handoff(), old);
                continue;
            }
            EdgeGeometry geo = endsStill && nodeDragging ? old.geometry() : EdgeGeometry.route(from, to, boxes, hasReverse);
            EdgeShape shape = new EdgeShape(e, geo);
            nextDrawn.put(e.handoff(), new DrawnEdge(e, from, to, boxes, geo, shape));
            shape.setOnMousePressed(ev -> {
                if (ev.getButton() == MouseButton.PRIMARY) {
                    requestFocus();
                    if (ev.isShortcutDown() || ev.isShiftDown()) {
                        vm.selection().toggle(e.handoff());
                    } else {
                        vm.selection().selectOnly(e.handoff());
                    }
                    ev.consume();
                }
            });
            shape.setOnContextMenuRequested(ev -> {
                if (!vm.selection().handoffs().contains(e.handoff())) {
                    vm.selection().selectOnly(e.handoff());
                }
                selectionMenu.show(shape, ev.getScreenX(), ev.getScreenY());
                ev.consume();
            });
            shapes.add(shape);
        }
        edgeLayer.getChildren().setAll(shapes);
        drawnEdges.clear();
        drawnEdges.putAll(nextDrawn);
        highlightEdgesOf(hoveredNode);
    }

    /** An edge as last drawn, so a redraw can keep shapes whose edge and surroundings did not change. */
    private record DrawnEdge(GraphSnapshot.EdgeItem item, EdgeGeometry.Box from, EdgeGeometry.Box to,
                             List<EdgeGeometry.Box> boxes, EdgeGeometry geometry, EdgeShape shape) {
    }

    // ---- node gestures

    /** Highlights the handoffs into and out of the node under the pointer (dense graphs stay legible). */
    private void highlightEdgesOf(String nodeId) {
        for (Node n : edgeLayer.getChildren()) {
            if (n instanceof EdgeShape e) {
                HandoffSpec h = e.handoff();
                e.pseudoClassStateChanged(RELATED, nodeId != null && (h.from().equals(nodeId) || h.to().equals(nodeId)));
            }
        }
    }

    private void wireNode(NodeView v) {
        v.hoverProperty().addListener((o, was, now) -> {
            hoveredNode = now ? v.nodeId() : null;
            highlightEdgesOf(hoveredNode);
        });
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            if (e.getTarget() == v.port()) {
                startConnect(v.nodeId());
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
            if (connectFrom != null) {
                Point2D p = toWorld(sceneToLocal(e.getSceneX(), e.getSceneY()).getX(), sceneToLocal(e.getSceneX(), e.getSceneY()).getY());
                updateConnect(p);
            } else if (pressScreen != null) {
                vm.dragTo((e.getSceneX() - pressScreen.getX()) / zoom(), (e.getSceneY() - pressScreen.getY()) / zoom());
            }
            e.consume();
        });
        v.setOnMouseReleased(e -> {
            if (connectFrom != null) {
                finishConnect();
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

    private void startConnect(String from) {
        connectFrom = from;
        connectTarget = null;
        GraphSnapshot.NodeItem n = vm.graph().node(from);
        connectLine.setStartX(n.x() + GraphEditorViewModel.NODE_WIDTH);
        connectLine.setStartY(n.y() + GraphEditorViewModel.NODE_HEIGHT / 2);
        connectLine.setEndX(connectLine.getStartX());
        connectLine.setEndY(connectLine.getStartY());
        connectLine.setVisible(true);
        connectHint.setVisible(false);
    }

    private void updateConnect(Point2D p) {
        connectLine.setEndX(p.getX());
        connectLine.setEndY(p.getY());
        String target = nodeAt(p);
        setTargetFeedback(connectTarget, false, false);
        connectTarget = target;
        if (target == null) {
            connectLine.pseudoClassStateChanged(ALLOWED, false);
            connectLine.pseudoClassStateChanged(REFUSED, false);
            connectHint.setVisible(false);
            return;
        }
        Optional<String> why = vm.whyCannotConnect(connectFrom, target);
        connectLine.pseudoClassStateChanged(ALLOWED, why.isEmpty());
        connectLine.pseudoClassStateChanged(REFUSED, why.isPresent());
        setTargetFeedback(target, why.isEmpty(), why.isPresent());
        connectHint.setText(why.orElse("Connect " + vm.graph().node(connectFrom).title() + " → " + vm.graph().node(target).title()));
        connectHint.pseudoClassStateChanged(ALLOWED, why.isEmpty());
        connectHint.pseudoClassStateChanged(REFUSED, why.isPresent());
        connectHint.setVisible(true);
        connectHint.applyCss();
        connectHint.autosize();
        double hintWidth = connectHint.getWidth();
        double rightEdge = toWorld(getWidth(), 0).getX();
        double x = p.getX() + 14 + hintWidth > rightEdge - 8 ? p.getX() - 14 - hintWidth : p.getX() + 14;
        connectHint.relocate(x, p.getY() + 14);
    }

    /** The hint shown while dragging a connection ("" when none): what a drop would do, or why it would be refused. */
    public String connectionHint() {
        return connectHint.isVisible() ? connectHint.getText() : "";
    }

    private void setTargetFeedback(String id, boolean allowed, boolean refused) {
        NodeView v = id == null ? null : nodeViews.get(id);
        if (v != null) {
            v.pseudoClassStateChanged(ALLOWED, allowed);
            v.pseudoClassStateChanged(REFUSED, refused);
        }
    }

    private void finishConnect() {
        String from = connectFrom;
        String to = connectTarget;
        cancelConnect();
        if (from != null && to != null) {
            vm.connect(from, to);
        }
    }

    private void cancelConnect() {
        setTargetFeedback(connectTarget, false, false);
        connectFrom = null;
        connectTarget = null;
        connectLine.setVisible(false);
        connectHint.setVisible(false);
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

    // ---- background gestures: rubber band, pan, add, context menu

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        backgroundMenu.hide();
        selectionMenu.hide();
        pressScreen = new Point2D(e.getX(), e.getY());
        pressWorld = toWorld(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            panning = true;
        } else if (e.getButton() == MouseButton.PRIMARY) {
            rubberBanding = true;
            rubberBand.setX(pressWorld.getX());
            rubberBand.setY(pressWorld.getY());
            rubberBand.setWidth(0);
            rubberBand.setHeight(0);
        }
    }

    private void backgroundDragged(MouseEvent e) {
        if (panning && pressScreen != null) {
            pan.setX(pan.getX() + e.getX() - pressScreen.getX());
            pan.setY(pan.getY() + e.getY() - pressScreen.getY());
            pressScreen = new Point2D(e.getX(), e.getY());
        } else if (rubberBanding) {
            Point2D p = toWorld(e.getX(), e.getY());
            rubberBand.setX(Math.min(p.getX(), pressWorld.getX()));
            rubberBand.setY(Math.min(p.getY(), pressWorld.getY()));
            rubberBand.setWidth(Math.abs(p.getX() - pressWorld.getX()));
            rubberBand.setHeight(Math.abs(p.getY() - pressWorld.getY()));
            rubberBand.setVisible(true);
        }
    }

    private void backgroundReleased(MouseEvent e) {
        if (rubberBanding && rubberBand.isVisible() && rubberBand.getWidth() + rubberBand.getHeight() > 4) {
            vm.selectInRectangle(rubberBand.getX(), rubberBand.getY(), rubberBand.getX() + rubberBand.getWidth(),
                    rubberBand.getY() + rubberBand.getHeight(), e.isShiftDown() || e.isShortcutDown());
            rubberBand.setVisible(false);
            rubberBanding = false;
            e.consume();
            return;
        }
        boolean wasPanDrag = panning && pressScreen != null && e.isStillSincePress() == false;
        rubberBand.setVisible(false);
        rubberBanding = false;
        panning = false;
        if (e.getButton() == MouseButton.SECONDARY && !wasPanDrag) {
            Point2D w = toWorld(e.getX(), e.getY());
            lastContextX = w.getX();
            lastContextY = w.getY();
            backgroundMenu.show(this, e.getScreenX(), e.getScreenY());
        }
    }

    private void backgroundClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        if (e.getClickCount() == 2) {
            Point2D w = toWorld(e.getX(), e.getY());
            vm.addAgentAt(w.getX(), w.getY());
        } else if (!e.isShiftDown() && !e.isShortcutDown()) {
            vm.selection().clear();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.isShiftDown()) {
            pan.setX(pan.getX() + e.getDeltaY());
        } else {
            zoomAround(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        }
        e.consume();
    }

    private void buildMenus() {
        MenuItem add = new MenuItem("Add agent here");
        add.setOnAction(a -> vm.addAgentAt(lastContextX, lastContextY));
        MenuItem paste = new MenuItem("Paste");
        paste.disableProperty().bind(vm.canPasteProperty().not());
        paste.setOnAction(a -> vm.paste());
        MenuItem all = new MenuItem("Select all");
        all.setOnAction(a -> vm.selectAll());
        MenuItem layout = new MenuItem("Auto-layout");
        layout.setOnAction(a -> {
            vm.autoLayout();
            fitToView();
        });
        MenuItem fit = new MenuItem("Fit to view");
        fit.setOnAction(a -> fitToView());
        backgroundMenu.getItems().addAll(add, paste, new SeparatorMenuItem(), all, layout, fit);

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
