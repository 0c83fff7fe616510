package dev.handoff.views.evaluate;

import dev.handoff.views.training.LiveGraphView;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

import static dev.handoff.views.style.ToolButtons.button;

/**
 * Evaluate mode on the canvas: a toolbar (Load bundle…, Play, Pause, Step, Episode, Reset, speed), the workflow with
 * the artifact's holder lit and the last handoff's edge labelled with its scalar m and reward R, and a side panel with
 * the running figures and the step log. A bundle that does not fit the workflow is refused in a dialog listing what differs.
 */
public final class EvaluationView extends BorderPane {
    private static final String[] SPEEDS = {"1 /s", "2 /s", "5 /s", "10 /s", "100 /s", "1 000 /s", "10 000 /s"};
    private final EvaluationViewModel vm;
    private final LiveGraphView graph;
    private Path lastFolder;

    public EvaluationView(EvaluationViewModel vm) {
        this.vm = vm;
        setId("evaluation-view");
        graph = new LiveGraphView(vm.canvas());
        vm.revisionProperty().addListener(o -> graph.redraw());
        setTop(toolbar());
        TitledPane graphPane = new TitledPane("Workflow · lit: the holder (fading: earlier holders) · blue: the last handoff, "
                + "m and R", graph);
        graphPane.setCollapsible(false);
        graphPane.setMinWidth(240);
        graphPane.setMaxHeight(Double.MAX_VALUE);
        setCenter(graphPane);
        setRight(sidePanel());
        setBottom(hint());
    }

    public EvaluationViewModel viewModel() {
        return vm;
    }

    public LiveGraphView graph() {
        return graph;
    }

    public void setDark(boolean dark) {
        graph.setDark(dark);
    }

    /** Loads a bundle folder; a refused one is explained in a dialog (owned by this view's window). */
    public boolean loadBundle(Path dir) {
        lastFolder = dir.getParent();
        boolean ok = vm.load(dir);
        if (!ok) {
            showRefusal();
        }
        return ok;
    }

    /** Asks for a bundle folder (the one holding bundle.json) and loads it. */
    public void chooseBundle() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Policy bundle folder (the one holding bundle.json)");
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            loadBundle(dir.toPath());
        }
    }

    private void showRefusal() {
        Alert a = new Alert(Alert.AlertType.WARNING, null, ButtonType.OK);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.setTitle("Bundle refused");
        a.setHeaderText(vm.errorTextProperty().get());
        VBox lines = new VBox(6);
        Label intro = new Label(vm.problems().size() == 1 && !vm.errorTextProperty().get().contains("does not fit")
                ? "The folder could not be read as a policy bundle:"
                : "A bundle drives only the workflow it was trained on: same agents, same interface observations, "
                + "same actions. What differs:");
        intro.setWrapText(true);
        lines.getChildren().add(intro);
        for (String p : vm.problems()) {
            Label l = new Label("•  " + p);
            l.setWrapText(true);
            l.getStyleClass().add("eval-problem");
            lines.getChildren().add(l);
        }
        lines.setPrefWidth(640);
        a.getDialogPane().setContent(lines);
        a.getDialogPane().setMinWidth(680);
        a.show();
    }

    private ToolBar toolbar() {
        Button load = button("Load bundle…", "Load an exported policy bundle onto this workflow (checked against it)",
                this::chooseBundle);
        load.setId("eval-load");
        Button play = button("▶  Play", "Play the bundle's greedy policies continuously at the chosen speed", vm::play);
        play.setId("eval-play");
        Button pause = button("Pause", "Pause playback", vm::pause);
        pause.setId("eval-pause");
        Button step = button("Step", "Play one handoff", vm::stepOnce);
        step.setId("eval-step");
        Button episode = button("Episode", "Play until the artifact is handed to STOP", vm::runEpisode);
        episode.setId("eval-episode");
        Button reset = button("↺  Reset", "Start again from the seed: the same handoffs replay", vm::reset);
        reset.setId("eval-reset");
        var noBundle = Bindings.createBooleanBinding(() -> vm.stateProperty().get() == EvaluationViewModel.State.EMPTY
                || vm.stateProperty().get() == EvaluationViewModel.State.REFUSED, vm.stateProperty());
        var playing = Bindings.equal(vm.stateProperty(), EvaluationViewModel.State.PLAYING);
        play.disableProperty().bind(noBundle.or(playing));
        pause.disableProperty().bind(playing.not());
        step.disableProperty().bind(noBundle);
        episode.disableProperty().bind(noBundle);
        reset.disableProperty().bind(noBundle);
        ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList(SPEEDS));
        speed.setId("eval-speed");
        speed.setValue(speedLabel(vm.speedProperty().get()));
        speed.setTooltip(new Tooltip("Handoffs per second while playing"));
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(Double.parseDouble(v.replace(" /s", "").replace(" ", ""))));
        return new ToolBar(load, new Separator(Orientation.VERTICAL), play, pause, step, episode, reset,
                new Separator(Orientation.VERTICAL), new Label("Speed"), speed);
    }

    static String speedLabel(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f /s", perSecond).replace(',', ' ');
    }

    private VBox sidePanel() {
        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(4);
        figures.setId("eval-figures");
        int row = 0;
        Label bundle = new Label();
        bundle.setId("eval-bundle");
        bundle.textProperty().bind(vm.bundleTextProperty());
        bundle.setWrapText(true);
        bundle.setMinHeight(Label.USE_PREF_SIZE);
        figures.addRow(row++, key("Bundle"), bundle);
        figures.addRow(row++, key("Handoffs"), value("eval-handoffs", Bindings.createStringBinding(
                () -> EvaluationViewModel.count(vm.handoffsProperty().get()), vm.handoffsProperty())));
        figures.addRow(row++, key("Episodes"), value("eval-episodes", Bindings.createStringBinding(
                () -> EvaluationViewModel.count(vm.episodesProperty().get()), vm.episodesProperty())));
        figures.addRow(row++, key("Mean return ± 95% CI"), value("eval-mean", vm.meanReturnTextProperty()));
        figures.addRow(row++, key("Exact J of this policy"), value("eval-exact", Bindings.createStringBinding(
                () -> vm.exactReturnProperty().get() != null ? String.format(Locale.ROOT, "%.4f", vm.exactReturnProperty().get())
                        : vm.stateProperty().get() == EvaluationViewModel.State.READY
                        || vm.stateProperty().get() == EvaluationViewModel.State.PLAYING ? "— (no finite model for this kind)" : "—",
                vm.exactReturnProperty(), vm.stateProperty())));
        figures.addRow(row, key("J* (centralised optimum)"), value("eval-oracle", Bindings.createStringBinding(
                () -> vm.oracleReturnProperty().get() == null ? "—"
                        : String.format(Locale.ROOT, "%.4f", vm.oracleReturnProperty().get()), vm.oracleReturnProperty())));

        Label holder = new Label();
        holder.setId("eval-holder");
        holder.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get() == EvaluationViewModel.State.EMPTY
                        ? "Load a policy bundle exported from this workflow (Policies ▸ Export policies…, or handoff export)."
                        : vm.stateProperty().get() == EvaluationViewModel.State.REFUSED ? vm.errorTextProperty().get()
                        : vm.holderTextProperty().get(), vm.stateProperty(), vm.holderTextProperty(), vm.errorTextProperty()));
        holder.setWrapText(true);
        holder.setMinHeight(Label.USE_PREF_SIZE);
        Label last = new Label();
        last.setId("eval-last-step");
        last.textProperty().bind(vm.lastStepTextProperty());
        last.setWrapText(true);
        last.setMinHeight(Label.USE_PREF_SIZE);
        last.getStyleClass().add("text-small");

        ListView<String> log = new ListView<>(vm.log());
        log.setId("eval-log");
        log.setPlaceholder(new Label("Step or Play to see the handoffs here (newest first)"));
        log.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        log.setFixedCellSize(22);
        log.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setStyle(!empty && item != null && item.contains(" · return ") ? "-fx-font-weight: bold;" : "");
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);

        VBox panel = new VBox(8, section("Running figures"), figures, new Separator(), section("Now"), holder,
                section("Last handoff"), last, section("Step log"), log);
        panel.setPadding(new Insets(10));
        panel.setPrefWidth(490);
        panel.setMinWidth(360);
        return panel;
    }

    private Label hint() {
        Label l = new Label("Greedy play of the exported policies only: no learning, no exploration. Each agent acts on its "
                + "interface view; on a handoff the receiver sends back one scalar m = max_a Q(z', a).");
        l.getStyleClass().add("text-small");
        l.setWrapText(true);
        l.setPadding(new Insets(4, 10, 4, 10));
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.getStyleClass().add("text-muted");
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
