package dev.handoff.views.graph;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.Rectangle;

/**
 * Gestures on the empty canvas: drag for a rubber band, right- or middle-drag (or Shift+wheel) to pan, wheel to zoom,
 * double-click to add an agent, right-click for the canvas menu.
 */
final class BackgroundGestures {
    private final GraphCanvas canvas;
    private final GraphEditorViewModel vm;
    private final CanvasViewport viewport;
    private final Runnable hideOtherMenus;
    private final Rectangle rubberBand = new Rectangle();
    private final ContextMenu menu = new ContextMenu();
    private Point2D pressWorld;
    private Point2D pressScreen;
    private boolean rubberBanding;
    private boolean panning;
    private double lastContextX;
    private double lastContextY;

    BackgroundGestures(GraphCanvas canvas, GraphEditorViewModel vm, CanvasViewport viewport, Runnable hideOtherMenus) {
        this.canvas = canvas;
        this.vm = vm;
        this.viewport = viewport;
        this.hideOtherMenus = hideOtherMenus;
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setManaged(false);
        buildMenu();
    }

    /** The rubber band, drawn in world units above the nodes. */
    Rectangle rubberBand() {
        return rubberBand;
    }

    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        menu.hide();
        hideOtherMenus.run();
        pressScreen = new Point2D(e.getX(), e.getY());
        pressWorld = viewport.toWorld(e.getX(), e.getY());
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

    private void dragged(MouseEvent e) {
        if (panning && pressScreen != null) {
            viewport.panBy(e.getX() - pressScreen.getX(), e.getY() - pressScreen.getY());
            pressScreen = new Point2D(e.getX(), e.getY());
        } else if (rubberBanding) {
            Point2D p = viewport.toWorld(e.getX(), e.getY());
            rubberBand.setX(Math.min(p.getX(), pressWorld.getX()));
            rubberBand.setY(Math.min(p.getY(), pressWorld.getY()));
            rubberBand.setWidth(Math.abs(p.getX() - pressWorld.getX()));
            rubberBand.setHeight(Math.abs(p.getY() - pressWorld.getY()));
            rubberBand.setVisible(true);
        }
    }

    private void released(MouseEvent e) {
        if (rubberBanding && rubberBand.isVisible() && rubberBand.getWidth() + rubberBand.getHeight() > 4) {
            vm.selectInRectangle(rubberBand.getX(), rubberBand.getY(), rubberBand.getX() + rubberBand.getWidth(),
                    rubberBand.getY() + rubberBand.getHeight(), e.isShiftDown() || e.isShortcutDown());
            rubberBand.setVisible(false);
            rubberBanding = false;
            e.consume();
            return;
        }
        boolean wasPanDrag = panning && pressScreen != null && !e.isStillSincePress();
        rubberBand.setVisible(false);
        rubberBanding = false;
        panning = false;
        if (e.getButton() == MouseButton.SECONDARY && !wasPanDrag) {
            Point2D w = viewport.toWorld(e.getX(), e.getY());
            lastContextX = w.getX();
            lastContextY = w.getY();
            menu.show(canvas, e.getScreenX(), e.getScreenY());
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        if (e.getClickCount() == 2) {
            Point2D w = viewport.toWorld(e.getX(), e.getY());
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
            viewport.panBy(e.getDeltaY(), 0);
        } else {
            viewport.zoomAround(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        }
        e.consume();
    }

    private void buildMenu() {
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
            canvas.fitToView();
        });
        MenuItem fit = new MenuItem("Fit to view");
        fit.setOnAction(a -> canvas.fitToView());
        menu.getItems().addAll(add, paste, new SeparatorMenuItem(), all, layout, fit);
    }
}
