package dev.handoff.views.training.policies;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** A kind's panel on a seed in its own resizable window. */
final class SeedPanelDialog {
    private SeedPanelDialog() {
    }

    static void show(Window owner, String title, Node panel) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.getDialogPane().setContent(panel);
        d.getDialogPane().setPrefSize(960, 520);
        d.getDialogPane().setMinSize(720, 400);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.setWidth(980);
        d.setHeight(560);
        d.show();
    }
}
