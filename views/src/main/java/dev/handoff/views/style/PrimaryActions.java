package dev.handoff.views.style;

import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;

/**
 * The look of primary actions (Train): AtlantaFX's accent style, kept in tool bars (where AtlantaFX otherwise paints
 * every button like the bar), and a disabled look that is plainly different from the enabled one in both themes.
 */
public final class PrimaryActions {
    /** The stylesheet with the rules; every screen that shows a primary action adds it. */
    public static final String STYLESHEET = PrimaryActions.class.getResource("/dev/handoff/views/actions.css").toExternalForm();
    /** AtlantaFX's style class for the primary action of a screen. */
    public static final String ACCENT = "accent";

    private PrimaryActions() {
    }

    /** Marks {@code button} as the screen's primary action. */
    public static <B extends ButtonBase> B mark(B button) {
        button.getStyleClass().add(ACCENT);
        return button;
    }

    /** Adds the primary-action rules to {@code root}'s stylesheets (once). */
    public static <P extends Parent> P styled(P root) {
        if (!root.getStylesheets().contains(STYLESHEET)) {
            root.getStylesheets().add(STYLESHEET);
        }
        return root;
    }
}
