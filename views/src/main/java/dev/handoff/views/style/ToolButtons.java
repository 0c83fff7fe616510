package dev.handoff.views.style;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Tool-bar buttons as every screen makes them: a label, a tooltip saying what it does, an action, no keyboard focus. */
public final class ToolButtons {
    private ToolButtons() {
    }

    public static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
