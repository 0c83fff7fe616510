package dev.handoff.app;

import dev.handoff.views.document.RecoveryViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * "Recover unsaved work": the autosaves a crash left, each with the file it belongs to, when it was written and what
 * it changes; Recover opens the selected one, Discard drops it, Not now keeps them all for the next start.
 */
final class RecoveryDialog {
    static final ButtonType RECOVER = new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.OTHER);
    static final ButtonType NOT_NOW = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);

    private RecoveryDialog() {
    }

    /** Asks about each offer in turn until the user recovers one, says "Not now", or none are left. */
    static Optional<RecoveryViewModel.Offer> ask(Window owner, RecoveryViewModel vm) {
        while (!vm.offers().isEmpty()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", RECOVER, DISCARD, NOT_NOW);
            if (owner != null && owner.getScene() != null) {
                a.initOwner(owner);
            }
            a.setTitle("Recover unsaved work");
            a.setHeaderText(vm.offers().size() == 1 ? "The workbench closed without saving this workflow"
                    : "The workbench closed without saving " + vm.offers().size() + " workflows");
            ListView<RecoveryViewModel.Offer> list = new ListView<>(vm.offers());
            list.setId("recovery-offers");
            list.setPrefSize(720, Math.min(200, 30 + 28 * vm.offers().size()));
            list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(RecoveryViewModel.Offer offer, boolean empty) {
                    super.updateItem(offer, empty);
                    setText(empty || offer == null ? null : offer.title());
                }
            });
            Label changes = new Label();
            changes.setId("recovery-changes");
            changes.setWrapText(true);
            list.getSelectionModel().selectedItemProperty().addListener((o, was, offer) ->
                    changes.setText(offer == null ? "" : offer.changes()));
            list.getSelectionModel().selectFirst();
            Label hint = new Label("Recover opens the selected workflow as it was autosaved, with its unsaved edits; "
                    + "Save then writes it to its file. Discard deletes the autosave.");
            hint.setWrapText(true);
            a.getDialogPane().setContent(new VBox(10, list, changes, hint));
            a.setResizable(true);
            a.getDialogPane().setMinWidth(760);
            ButtonType answer = a.showAndWait().orElse(NOT_NOW);
            RecoveryViewModel.Offer chosen = list.getSelectionModel().getSelectedItem();
            if (answer == NOT_NOW || chosen == null) {
                return Optional.empty();
            }
            if (answer == RECOVER) {
                return Optional.of(chosen);
            }
            try {
                vm.discard(chosen);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete the autosave " + chosen.entry().folder(), e);
            }
        }
        return Optional.empty();
    }
}
