package dev.handoff.views.training.policies;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Export policies: choose the seed, then the folder, as a path in a text field (the run's own folder to begin with)
 * that can be typed, pasted or filled by Browse…; below it what will be written, or why the path cannot be used.
 * Export is enabled exactly when the path can be written.
 */
final class ExportDialog {
    static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ExportDialogViewModel vm;

    ExportDialog(Window owner, ExportDialogViewModel vm) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Export policies");
        dialog.setHeaderText("A trained seed's agents, each with its interface observation and its greedy policy, are written "
                + "as a policy bundle (JSON, with CSV copies if you like).");
        ComboBox<ExportChoice> seed = new ComboBox<>();
        seed.setId("export-seed");
        seed.getItems().setAll(vm.choices());
        seed.valueProperty().bindBidirectional(vm.choiceProperty());
        seed.setMaxWidth(Double.MAX_VALUE);
        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        folder.setPrefColumnCount(52);
        folder.setTooltip(new Tooltip("Type or paste a folder (~ is your home folder); missing folders are made"));
        Button browse = new Button("Browse…");
        browse.setId("export-browse");
        browse.setOnAction(e -> browse(owner));
        CheckBox csv = new CheckBox("Also write each agent as CSV");
        csv.selectedProperty().bindBidirectional(vm.csvProperty());
        Label outcome = new Label();
        outcome.setId("export-outcome");
        outcome.textProperty().bind(vm.messageProperty());
        outcome.setWrapText(true);
        outcome.setMaxWidth(620);
        vm.canExportProperty().addListener((o, a, ok) -> style(outcome, ok));
        style(outcome, vm.canExportProperty().get());

        Label seedLabel = new Label("Learner and seed:");
        Label folderLabel = new Label("Folder:");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {seedLabel, folderLabel, browse}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, seedLabel, seed);
        grid.addRow(1, folderLabel, folder, browse);
        grid.add(outcome, 1, 2, 2, 1);
        grid.add(csv, 1, 3, 2, 1);
        GridPane.setHgrow(folder, Priority.ALWAYS);
        GridPane.setColumnSpan(seed, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(EXPORT).disableProperty().bind(vm.canExportProperty().not());
        grid.setPrefWidth(780);
        // AtlantaFX caps dialogs at 600 px; a folder path needs room (an inline style outranks the theme)
        dialog.getDialogPane().setStyle("-fx-max-width: 900px; -fx-pref-width: 800px;");
        dialog.setResizable(true);
        dialog.setOnShown(e -> {
            folder.requestFocus();
            folder.positionCaret(0);
        });
    }

    private static void style(Label outcome, boolean ok) {
        outcome.setStyle(ok ? "-fx-text-fill: -color-fg-muted;" : "-fx-text-fill: -color-danger-fg;");
    }

    private void browse(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the policy bundle");
        File start = vm.browseStart().toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            vm.browsed(chosen.toPath());
        }
    }

    /** The dialog, for screenshots and tests. */
    Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** Shows the dialog and waits; true when the user pressed Export. */
    boolean showAndWait() {
        Optional<ButtonType> pressed = dialog.showAndWait();
        return pressed.isPresent() && pressed.get() == EXPORT;
    }

    /** The folder written by the last export of this dialog's model, for the caller to report. */
    Path target() {
        return vm.bundleDirProperty().get();
    }
}
