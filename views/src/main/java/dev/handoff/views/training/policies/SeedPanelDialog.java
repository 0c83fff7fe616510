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
        // at least the programs list's size; larger when the panel asks for more (a chart of 36 routers)
        double width = Math.max(960, panel.prefWidth(-1));
        double height = Math.max(520, panel.prefHeight(-1));
        d.getDialogPane().setPrefSize(width, height);
        // as wide as the panel asks where the screen allows: a dialog under a bare X server shrinks to its minimum width
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        d.getDialogPane().setMinSize(Math.min(width, Math.max(720, screen - 40)), 400);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.setWidth(width + 20);
        d.setHeight(height + 40);
        d.show();
    }
}
