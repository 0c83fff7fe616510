package dev.handoff.app;

import dev.handoff.train.RunState;
import dev.handoff.views.training.TrainingDashboardWindow;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * The training dashboard of the editor's workflow (issue 19.2, 19.3), by the rules of {@link TrainingWindowPolicy}: at
 * most one, opened beside the editor (not over it) where the user last left it, with a Window menu leading back to
 * the editor, and closed with its workflow — asking first if a run is going.
 */
final class TrainingWindows {
    static final double PREFERRED_WIDTH = 1600;
    static final double PREFERRED_HEIGHT = 1000;
    static final ButtonType STOP_AND_CLOSE = new ButtonType("Stop the run and close", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STOP_AND_TRAIN = new ButtonType("Stop it and train the edited workflow", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType STOP_AND_LEARN = new ButtonType("Stop it and learn from the traces", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType SHOW_RUNNING = new ButtonType("Show the running one", ButtonBar.ButtonData.OTHER);

    private final Stage editor;
    private final ObservableBooleanValue dark;
    private final BooleanProperty startAtOnce;
    private final WindowPlacement placement;
    private final ReadOnlyObjectWrapper<TrainingDashboardWindow> open = new ReadOnlyObjectWrapper<>(this, "open");
    private Workflow openOn;

    /** @param startAtOnce the preference "Train starts training at once" (off: Train only opens the dashboard) */
    TrainingWindows(Stage editor, ObservableBooleanValue dark, BooleanProperty startAtOnce, Preferences prefs) {
        this.editor = editor;
        this.dark = dark;
        this.startAtOnce = startAtOnce;
        this.placement = new WindowPlacement(prefs, "dashboardWindow");
    }

    /**
     * The Window menu, in the editor and in the dashboard: back to the editor, to the dashboard, and (in the editor)
     * whether Train also starts training.
     */
    Menu windowMenu(boolean inEditor) {
        MenuItem toEditor = new MenuItem("_Editor");
        toEditor.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        toEditor.setOnAction(e -> {
            editor.toFront();
            editor.requestFocus();
        });
        toEditor.setId("menu-window-editor");
        MenuItem toDashboard = new MenuItem("_Training dashboard");
        toDashboard.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        toDashboard.setOnAction(e -> show());
        toDashboard.setId("menu-window-dashboard");
        toDashboard.disableProperty().bind(open.isNull());
        Menu menu = new Menu("_Window", null, toEditor, toDashboard);
        menu.setId("menu-window");
        if (inEditor) {
            CheckMenuItem starts = new CheckMenuItem("Train starts training at once");
            starts.setId("menu-train-starts");
            starts.selectedProperty().bindBidirectional(startAtOnce);
            menu.getItems().addAll(new SeparatorMenuItem(), starts);
        }
        return menu;
    }

    /** The open dashboard, or null. */
    ReadOnlyObjectProperty<TrainingDashboardWindow> openProperty() {
        return open.getReadOnlyProperty();
    }

    TrainingDashboardWindow current() {
        return open.get();
    }

    /** Train in the editor, on the document as it is now. */
    void train(Workflow document) {
        TrainingWindowPolicy.OnTrain action = TrainingWindowPolicy.onTrain(describe(document), startAtOnce.get());
        switch (action) {
            case OPEN -> openOn(document);
            case SHOW -> show();
            case SHOW_AND_START -> {
                show();
                start(open.get());
            }
            case REPLACE -> {
                closeNow();
                openOn(document);
            }
            case ASK_THEN_REPLACE -> {
                Optional<ButtonType> answer = ask("A run of the previous version of this workflow is going",
                        "The workflow was edited since its dashboard opened. Training the edited workflow stops that run "
                                + "(its run folder keeps its checkpoints).", STOP_AND_TRAIN, SHOW_RUNNING);
                if (answer.filter(STOP_AND_TRAIN::equals).isPresent()) {
                    closeNow();
                    openOn(document);
                } else if (answer.filter(SHOW_RUNNING::equals).isPresent()) {
                    show();
                }
            }
        }
    }

    /**
     * Learn from traces (File ▸ Learn from traces…): the dashboard of {@code workflow} (the one the traces were read
     * against), opened or brought back, learning from {@code traces}. A dashboard of another workflow is closed first,
     * and a run going in it is stopped after asking; false when the user kept it.
     */
    boolean learnFrom(Workflow workflow, dev.handoff.train.RecordedHandoffs traces) {
        TrainingDashboardWindow w = open.get();
        if (w != null && !workflow.equals(openOn)) {
            if (!closeWithWorkflow()) {
                return false;
            }
            w = null;
        } else if (w != null && !stateOf(w).isTerminal() && stateOf(w) != RunState.READY) {
            show();
            Optional<ButtonType> answer = ask("A run is going", "Learning from the traces stops it (its run folder keeps its "
                    + "checkpoints).", STOP_AND_LEARN);
            if (answer.filter(STOP_AND_LEARN::equals).isEmpty()) {
                return false;
            }
        }
        if (w == null) {
            openOn(workflow, false);
        } else {
            show();
        }
        open.get().view().viewModel().run().learnFrom(traces);
        return true;
    }

    /**
     * The workflow is about to be replaced or closed: closes its dashboard, asking first if a run is going. False
     * when the user chose to keep it (then the workflow must stay too).
     */
    boolean closeWithWorkflow() {
        switch (TrainingWindowPolicy.onCloseWorkflow(describe(openOn))) {
            case NOTHING -> {
                return true;
            }
            case CLOSE -> {
                closeNow();
                return true;
            }
            default -> {
                show();
                Optional<ButtonType> answer = ask("Training is still running",
                        "Closing this workflow closes its training dashboard and stops the run (its run folder keeps its "
                                + "checkpoints).", STOP_AND_CLOSE);
                if (answer.filter(STOP_AND_CLOSE::equals).isPresent()) {
                    closeNow();
                    return true;
                }
                return false;
            }
        }
    }

    /** Brings the dashboard to the front (Window ▸ Training dashboard); false when there is none. */
    boolean show() {
        TrainingDashboardWindow w = open.get();
        if (w == null) {
            return false;
        }
        w.show();
        w.stage().requestFocus();
        return true;
    }

    private TrainingWindowPolicy.Dashboard describe(Workflow document) {
        TrainingDashboardWindow w = open.get();
        if (w == null) {
            return null;
        }
        return new TrainingWindowPolicy.Dashboard(document != null && document.equals(openOn), stateOf(w));
    }

    private static RunState stateOf(TrainingDashboardWindow w) {
        return w.view().viewModel().run().stateProperty().get();
    }

    private void openOn(Workflow document) {
        openOn(document, startAtOnce.get());
    }

    private void openOn(Workflow document, boolean start) {
        // no owner: an owned window stays above the editor, and the editor must be able to come back to the front
        TrainingDashboardWindow w = new TrainingDashboardWindow(null, document, dark);
        Stage s = w.stage();
        Parent view = s.getScene().getRoot();
        BorderPane withMenu = new BorderPane();
        s.getScene().setRoot(withMenu);
        withMenu.setTop(new MenuBar(windowMenu(false)));
        withMenu.setCenter(view);
        Rectangle2D screen = Screen.getScreensForRectangle(WindowPlacement.boundsOf(editor)).stream().findFirst()
                .orElse(Screen.getPrimary()).getVisualBounds();
        placement.apply(s, WindowPlacement.beside(WindowPlacement.boundsOf(editor), screen, PREFERRED_WIDTH, PREFERRED_HEIGHT));
        s.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> { // beside the window's own handler, which stops the run
            if (open.get() == w) {
                open.set(null);
                openOn = null;
            }
        });
        open.set(w);
        openOn = document;
        w.show();
        if (start) {
            start(w);
        }
    }

    /** Presses the dashboard's own Train: a fresh run, or the paused one resumed. */
    private static void start(TrainingDashboardWindow w) {
        w.view().viewModel().run().train();
    }

    /** Closes the dashboard without asking (its run stops; its folder keeps the checkpoints). */
    void closeNow() {
        TrainingDashboardWindow w = open.get();
        if (w != null) {
            w.stage().close(); // its window handler stops the run and keeps the run folder
        }
        open.set(null);
        openOn = null;
    }

    private Optional<ButtonType> ask(String header, String text, ButtonType... choices) {
        ButtonType[] buttons = java.util.Arrays.copyOf(choices, choices.length + 1);
        buttons[choices.length] = ButtonType.CANCEL;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, buttons);
        TrainingDashboardWindow w = open.get();
        a.initOwner(w != null ? w.stage() : editor);
        a.setTitle("Training");
        a.setHeaderText(header);
        return a.showAndWait();
    }
}
