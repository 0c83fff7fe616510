package dev.handoff.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/** The main window's small dialogs: an error, the unsaved-changes question, About. */
final class WindowDialogs {
    /** The answers to "Save changes to …?". */
    enum UnsavedAnswer { SAVE, DISCARD, CANCEL }

    private WindowDialogs() {
    }

    static void error(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("Handoff Workbench");
        a.setHeaderText(header);
        a.setContentText(text);
        a.getDialogPane().setPrefWidth(640); // paths in messages stay on one line
        a.showAndWait();
    }

    /** "Save changes to {@code what}?" with Save, Don't Save and Cancel. */
    static UnsavedAnswer askAboutUnsavedChanges(Window owner, String what) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to " + what + "?");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return UnsavedAnswer.CANCEL;
        }
        return answer.get() == discard ? UnsavedAnswer.DISCARD : UnsavedAnswer.SAVE;
    }

    static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About Handoff Workbench");
        a.setHeaderText("Handoff Workbench");
        a.setContentText("Design multi-agent handoff workflows and train IC-Q (interface-constrained Q-learning): "
                + "each agent sees only its interface observation, and exactly one scalar crosses each handoff.");
        a.showAndWait();
    }
}
