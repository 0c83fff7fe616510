package dev.handoff.views.training.runs;

import dev.handoff.train.live.RunFolders;
import dev.handoff.views.training.Alerts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The Runs panel: saved runs of this workflow (select to overlay their return curves; Ctrl-click for several), the
 * current run's Policies… menu, and Resume of the selected run.
 */
public final class RunsPane extends VBox {
    private final RunsViewModel runs;
    private final ListView<RunFolders.Entry> list;

    public RunsPane(RunsViewModel runs, ObservableBooleanValue running, Node policiesMenu) {
        super(2);
        this.runs = runs;
        this.list = new ListView<>(runs.runs());
        list.setId("dash-runs");
        list.setPlaceholder(new Label("No saved runs of this workflow yet"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunFolders.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : RunsViewModel.describe(e));
                setTooltip(empty || e == null ? null : new Tooltip(RunsViewModel.describe(e) + "\n" + e.dir()
                        + (e.reason() == null ? "" : "\n" + e.status() + ": " + e.reason())));
            }
        });
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunFolders.Entry>) c ->
                runs.overlay(List.copyOf(list.getSelectionModel().getSelectedItems())));
        list.setTooltip(new Tooltip("Select runs (Ctrl-click for several) to overlay their return curves (dotted) on the return chart"));
        Button resume = new Button("Resume");
        resume.setId("dash-resume");
        resume.setTooltip(new Tooltip("Continue the selected past run from its checkpoints to its budget (or a larger one),"
                + " appending to its run folder"));
        resume.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(1).or(running));
        resume.setOnAction(e -> resumeSelected());
        HBox actions = new HBox(6, new Label("This run:"), policiesMenu, resume);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(2, 4, 2, 4));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(list, actions);
    }

    /** The saved runs selected in the list. */
    public List<RunFolders.Entry> selected() {
        return List.copyOf(list.getSelectionModel().getSelectedItems());
    }

    /** Asks for the budget (the run's own by default) and resumes the selected past run in the dashboard. */
    private void resumeSelected() {
        RunFolders.Entry past = list.getSelectionModel().getSelectedItem();
        if (past == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(String.valueOf(past.handoffs()));
        ask.initOwner(getScene().getWindow());
        ask.setTitle("Resume run");
        ask.setHeaderText("Resume " + past.dir().getFileName() + " (" + past.algorithm() + ", "
                + dev.handoff.metrics.IntervalText.seeds(past.seeds()) + ")");
        ask.setContentText("Handoffs per seed:");
        ask.showAndWait().ifPresent(text -> {
            Long budget = RunsViewModel.parseBudget(text);
            if (budget == null) {
                Alerts.show(getScene().getWindow(), Alert.AlertType.ERROR, "Resume run", "Not a number of handoffs: " + text);
            } else if (!runs.resume(past, budget)) {
                Alerts.show(getScene().getWindow(), Alert.AlertType.ERROR, "Resume run", runs.resumeProblem());
            }
        });
    }
}
