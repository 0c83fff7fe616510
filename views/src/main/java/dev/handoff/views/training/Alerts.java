package dev.handoff.views.training;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The dashboard's message boxes: what happened, in a dialog owned by the dashboard window (not blocking it). */
public final class Alerts {
    private Alerts() {
    }

    public static void show(Window owner, Alert.AlertType type, String title, String text) {
        Alert a = new Alert(type, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(520);
        a.show();
    }
}
