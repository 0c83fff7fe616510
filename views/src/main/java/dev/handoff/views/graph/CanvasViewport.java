package dev.handoff.views.graph;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.List;

/**
 * The canvas's view of the drawing, presentation only: zoom and pan (the transforms of the drawn world), the dot grid
 * that moves with them, and fitting the graph into the visible area.
 */
final class CanvasViewport {
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 2.5;

    private final Region owner;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate(0, 0);
    private final Canvas grid = new Canvas();
    /** Styled by CSS only to learn the theme's dot colour for the grid (a canvas cannot be styled). */
    private final Circle gridProbe = new Circle(1);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);

    CanvasViewport(Region owner) {
        this.owner = owner;
        gridProbe.getStyleClass().add("grid-dot");
        gridProbe.setVisible(false);
        gridProbe.setManaged(false);
        grid.setMouseTransparent(true);
        zoom.bind(scale.xProperty());
        javafx.beans.InvalidationListener redraw = o -> drawGrid();
        for (javafx.beans.Observable o : List.of(owner.widthProperty(), owner.heightProperty(), pan.xProperty(),
                pan.yProperty(), scale.xProperty(), gridProbe.fillProperty())) {
            o.addListener(redraw);
        }
    }

    /** The transforms the drawn world gets: pan, then zoom. */
    List<javafx.scene.transform.Transform> transforms() {
        return List.of(pan, scale);
    }

    /** The grid canvas and its colour probe, to add below the world. */
    List<javafx.scene.Node> background() {
        return List.of(gridProbe, grid);
    }

    double zoom() {
        return scale.getX();
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** Canvas (world) coordinates of a point in the owner's coordinates. */
    Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom(), (y - pan.getY()) / zoom());
    }

    void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    void zoomAround(double factor, double sx, double sy) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom() * factor));
        Point2D before = toWorld(sx, sy);
        scale.setX(z);
        scale.setY(z);
        pan.setX(sx - before.getX() * z);
        pan.setY(sy - before.getY() * z);
    }

    /** Zooms and pans so the nodes and {@code curves} fit, never enlarging past 100 %. */
    void fit(GraphSnapshot g, Bounds curves) {
        if (g.nodes().isEmpty() || owner.getWidth() <= 0 || owner.getHeight() <= 0) {
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
        if (curves != null && !curves.isEmpty()) {
            minX = Math.min(minX, curves.getMinX());
            minY = Math.min(minY, curves.getMinY());
            maxX = Math.max(maxX, curves.getMaxX());
            maxY = Math.max(maxY, curves.getMaxY());
        }
        double margin = 48;
        double z = Math.min((owner.getWidth() - 2 * margin) / (maxX - minX), (owner.getHeight() - 2 * margin) / (maxY - minY));
        z = Math.max(MIN_ZOOM, Math.min(1.0, z));
        scale.setX(z);
        scale.setY(z);
        pan.setX((owner.getWidth() - (maxX - minX) * z) / 2 - minX * z);
        pan.setY((owner.getHeight() - (maxY - minY) * z) / 2 - minY * z);
    }

    /** A dot every 24 canvas units (48 when zoomed far out), panning and zooming with the graph. */
    void drawGrid() {
        double w = owner.getWidth();
        double h = owner.getHeight();
        grid.setWidth(w);
        grid.setHeight(h);
        var g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (!(gridProbe.getFill() instanceof Color c)) {
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
}
