package dev.handoff.views.editor;

import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.graph.GraphCanvas;
import dev.handoff.views.graph.GraphEditorViewModel;
import dev.handoff.views.inspector.InspectorView;
import dev.handoff.views.validation.ProblemsView;
import dev.handoff.views.validation.ValidationViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

import static dev.handoff.views.style.ToolButtons.button;

/**
 * The workflow editor screen: menu bar (Edit, View; the app adds File), toolbar, canvas, inspector, problems and status
 * line, all bound to an {@link EditorViewModel}. Shortcuts use the platform's shortcut key (Cmd on macOS); while a
 * text field has the focus, Undo/Redo/Cut/Copy/Paste/Delete go to the text field.
 */
public final class EditorView extends VBox {
    public static final String STYLESHEET = EditorView.class.getResource("/dev/handoff/views/editor.css").toExternalForm();

    private final EditorViewModel vm;
    private final GraphCanvas canvas;
    private final MenuBar menuBar = new MenuBar();
    private final Menu viewMenu = new Menu("_View");
    private ToolBar toolBar;
    private final Button trainButton = new Button("▶  Train");
    private final Tooltip trainTip = new Tooltip();
    private Runnable onTrain = () -> { };

    public EditorView(EditorViewModel vm) {
        this.vm = vm;
        getStylesheets().add(STYLESHEET);
        dev.handoff.views.style.PrimaryActions.styled(this);
        setId("editor");
        DocumentViewModel doc = vm.document();
        GraphEditorViewModel graph = vm.graph();
        ValidationViewModel validation = vm.validation();
        canvas = new GraphCanvas(graph);
        canvas.setId("canvas");

        // ---- menus
        MenuItem undo = new MenuItem();
        undo.textProperty().bind(Bindings.when(doc.canUndoProperty())
                .then(Bindings.concat("Undo ", doc.undoDescriptionProperty())).otherwise("Undo"));
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> textOr(TextInputControl::undo, doc::undo));
        undo.setId("menu-undo");
        MenuItem redo = new MenuItem();
        redo.textProperty().bind(Bindings.when(doc.canRedoProperty())
                .then(Bindings.concat("Redo ", doc.redoDescriptionProperty())).otherwise("Redo"));
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.setOnAction(e -> textOr(TextInputControl::redo, doc::redo));
        redo.setId("menu-redo");
        MenuItem redoY = new MenuItem("Redo (alternative)");
        redoY.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redoY.setOnAction(e -> textOr(TextInputControl::redo, doc::redo));
        redoY.setVisible(false);
        MenuItem cut = new MenuItem("Cut");
        cut.setAccelerator(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        cut.setOnAction(e -> textOr(TextInputControl::cut, graph::cut));
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> textOr(TextInputControl::copy, graph::copy));
        MenuItem paste = new MenuItem("Paste");
        paste.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        paste.setOnAction(e -> textOr(TextInputControl::paste, graph::paste));
        MenuItem delete = new MenuItem("Delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> textOr(TextInputControl::deleteNextChar, graph::deleteSelection));
        MenuItem backspace = new MenuItem("Delete (backspace)");
        backspace.setAccelerator(new KeyCodeCombination(KeyCode.BACK_SPACE));
        backspace.setOnAction(e -> textOr(TextInputControl::deletePreviousChar, graph::deleteSelection));
        backspace.setVisible(false);
        MenuItem selectAll = new MenuItem("Select all");
        selectAll.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        selectAll.setOnAction(e -> textOr(TextInputControl::selectAll, graph::selectAll));
        MenuItem addAgent = new MenuItem("Add agent");
        addAgent.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        addAgent.setOnAction(e -> addAgentInView());
        Menu edit = new Menu("_Edit", null, undo, redo, redoY, new SeparatorMenuItem(), cut, copy, paste, delete, backspace,
                new SeparatorMenuItem(), selectAll, addAgent);

        MenuItem zoomIn = new MenuItem("Zoom in");
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        zoomIn.setOnAction(e -> canvas.zoomBy(1.2));
        MenuItem zoomInPlus = new MenuItem("Zoom in (plus)");
        zoomInPlus.setAccelerator(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
        zoomInPlus.setOnAction(e -> canvas.zoomBy(1.2));
        zoomInPlus.setVisible(false);
        MenuItem zoomOut = new MenuItem("Zoom out");
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        zoomOut.setOnAction(e -> canvas.zoomBy(1 / 1.2));
        MenuItem fit = new MenuItem("Fit to view");
        fit.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        fit.setOnAction(e -> canvas.fitToView());
        MenuItem actual = new MenuItem("Actual size");
        actual.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN));
        actual.setOnAction(e -> canvas.resetZoom());
        MenuItem layout = new MenuItem("Auto-layout");
        layout.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        layout.setOnAction(e -> autoLayout());
        viewMenu.getItems().addAll(zoomIn, zoomInPlus, zoomOut, fit, actual, new SeparatorMenuItem(), layout);
        menuBar.getMenus().addAll(edit, viewMenu);

        // ---- toolbar
        Button add = button("＋  Add agent", "Add an agent in the middle of the view (or double-click the canvas)", this::addAgentInView);
        add.setId("add-agent");
        Button del = button("Delete", "Delete the selected agents and handoffs", graph::deleteSelection);
        del.setId("delete");
        del.disableProperty().bind(graph.canDeleteProperty().not());
        Button undoButton = button("↶  Undo", "", doc::undo);
        undoButton.setId("undo");
        undoButton.disableProperty().bind(doc.canUndoProperty().not());
        undoButton.tooltipProperty().get().textProperty().bind(Bindings.when(doc.canUndoProperty())
                .then(Bindings.concat("Undo ", doc.undoDescriptionProperty())).otherwise("Nothing to undo"));
        Button redoButton = button("↷  Redo", "", doc::redo);
        redoButton.setId("redo");
        redoButton.disableProperty().bind(doc.canRedoProperty().not());
        redoButton.tooltipProperty().get().textProperty().bind(Bindings.when(doc.canRedoProperty())
                .then(Bindings.concat("Redo ", doc.redoDescriptionProperty())).otherwise("Nothing to redo"));
        Button layoutButton = button("Auto-layout", "Lay the graph out in layers (one undoable step)", this::autoLayout);
        layoutButton.setId("auto-layout");
        Button fitButton = button("Fit", "Fit the whole graph in view (Ctrl+0)", canvas::fitToView);
        Button zoomOutButton = button("−", "Zoom out (Ctrl+−)", () -> canvas.zoomBy(1 / 1.2));
        Button zoomInButton = button("+", "Zoom in (Ctrl+=)", () -> canvas.zoomBy(1.2));
        Label problems = new Label();
        problems.setId("validation-summary");
        problems.textProperty().bind(Bindings.when(validation.trainDisabledProperty())
                .then(Bindings.concat("⚠  ", validation.summaryProperty())).otherwise("✓  Valid"));
        validation.trainDisabledProperty().addListener((o, a, bad) -> styleSummary(problems, bad));
        styleSummary(problems, validation.trainDisabledProperty().get());
        trainButton.setId("train");
        dev.handoff.views.style.PrimaryActions.mark(trainButton);
        trainButton.disableProperty().bind(validation.trainDisabledProperty());
        trainButton.setOnAction(e -> onTrain.run());
        trainTip.textProperty().bind(Bindings.when(validation.trainDisabledProperty())
                .then(validation.trainDisabledReasonProperty()).otherwise("Train IC-Q on this workflow"));
        StackPane trainHolder = new StackPane(trainButton);
        trainHolder.setId("train-holder");
        Tooltip.install(trainHolder, trainTip);
        trainButton.setTooltip(trainTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolBar = new ToolBar(add, del, new Separator(Orientation.VERTICAL), undoButton, redoButton,
                new Separator(Orientation.VERTICAL), layoutButton, fitButton, zoomOutButton, zoomInButton, spacer, problems, trainHolder);

        // ---- centre: canvas | inspector over problems
        InspectorView inspector = new InspectorView(vm.inspector(), vm.interfaceEditor());
        ProblemsView problemsView = new ProblemsView(validation, vm.selection());
        TitledPane problemsPane = new TitledPane();
        problemsPane.textProperty().bind(Bindings.concat("Problems · ", validation.summaryProperty()));
        problemsPane.setContent(problemsView);
        problemsPane.setCollapsible(false);
        problemsPane.setMaxHeight(Double.MAX_VALUE);
        SplitPane side = new SplitPane(inspector, problemsPane);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.7);
        Label overlapText = new Label();
        overlapText.textProperty().bind(Bindings.format(
                "%d nodes overlap: this layout was made for smaller nodes.", graph.overlappingProperty()));
        Button tidy = button("Auto-layout", "Lay the graph out in layers (one undoable step)", this::autoLayout);
        tidy.setId("overlap-auto-layout");
        tidy.getStyleClass().add("accent");
        Button spread = button("Spread out", "Keep this drawing's shape, scaled up until nodes no longer overlap", () -> {
            graph.spreadOut();
            Platform.runLater(canvas::fitToView);
        });
        spread.setId("overlap-spread");
        HBox overlapBanner = new HBox(10, overlapText, spread, tidy);
        overlapBanner.setId("overlap-banner");
        overlapBanner.getStyleClass().add("overlap-banner");
        overlapBanner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        overlapBanner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        overlapBanner.visibleProperty().bind(graph.overlappingProperty().greaterThan(0));
        StackPane canvasArea = new StackPane(canvas, overlapBanner);
        StackPane.setAlignment(overlapBanner, javafx.geometry.Pos.TOP_CENTER);
        StackPane.setMargin(overlapBanner, new Insets(12));
        SplitPane centre = new SplitPane(canvasArea, side);
        centre.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(side, false);
        VBox.setVgrow(centre, Priority.ALWAYS);

        // ---- status line
        Label counts = new Label();
        doc.documentProperty().addListener((o, a, w) -> counts.setText(countText(w)));
        counts.setText(countText(doc.document()));
        Label hint = new Label("Double-click to add · drag ● to connect · drag empty space to select · right-drag to pan · wheel to zoom");
        hint.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label zoomLabel = new Label();
        zoomLabel.setId("zoom-level");
        zoomLabel.textProperty().bind(Bindings.format("%.0f%%", canvas.zoomProperty().multiply(100)));
        HBox status = new HBox(16, counts, grow, hint, zoomLabel);
        status.getStyleClass().add("status-bar");
        status.setPadding(new Insets(4, 10, 4, 10));

        getChildren().addAll(menuBar, toolBar, centre, status);

        // a freshly opened or new document is shown whole
        doc.generationProperty().addListener((o, a, g) -> Platform.runLater(canvas::fitToView));
        canvas.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number w) {
                if (w.doubleValue() > 0 && canvas.getHeight() > 0) {
                    canvas.widthProperty().removeListener(this);
                    Platform.runLater(canvas::fitToView);
                }
            }
        });
    }

    public EditorViewModel viewModel() {
        return vm;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** The menu bar, holding Edit and View; the application shell adds File and its own entries. */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** The toolbar; the application shell appends its own controls (the theme switch) at the end. */
    public ToolBar toolBar() {
        return toolBar;
    }

    public Menu viewMenu() {
        return viewMenu;
    }

    public Button trainButton() {
        return trainButton;
    }

    /** The text of the Train tooltip: the reasons it is disabled, or what it does. */
    public String trainTooltipText() {
        return trainTip.getText();
    }

    /** What Train does once the workflow is valid (the training dashboard is wired by the application). */
    public void setOnTrain(Runnable action) {
        this.onTrain = action == null ? () -> { } : action;
    }

    public void addAgentInView() {
        Point2D c = canvas.visibleCentre();
        vm.graph().addAgentNear(c.getX(), c.getY());
    }

    private void autoLayout() {
        vm.graph().autoLayout();
        Platform.runLater(canvas::fitToView);
    }

    private void textOr(Consumer<TextInputControl> textAction, Runnable editorAction) {
        Scene scene = getScene();
        Node focus = scene == null ? null : scene.getFocusOwner();
        if (focus instanceof TextInputControl t) {
            textAction.accept(t);
        } else {
            editorAction.run();
        }
    }

    private static void styleSummary(Label l, boolean bad) {
        l.getStyleClass().removeAll("validation-ok", "validation-bad");
        l.getStyleClass().add(bad ? "validation-bad" : "validation-ok");
    }

    private static String countText(dev.handoff.workflow.Workflow w) {
        int a = w.agents().size();
        int h = w.handoffs().size();
        return a + (a == 1 ? " agent · " : " agents · ") + h + (h == 1 ? " handoff" : " handoffs");
    }
}
