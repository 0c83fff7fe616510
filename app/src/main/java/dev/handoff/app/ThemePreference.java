package dev.handoff.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;

import java.util.prefs.Preferences;

/** The light/dark AtlantaFX theme, applied to the whole application and remembered in the user's preferences. */
public final class ThemePreference {
    static final String KEY = "theme.dark";

    private final BooleanProperty dark;

    public ThemePreference(Preferences prefs) {
        dark = new BooleanPreference(prefs, KEY, false).property();
        apply(dark.get());
        dark.addListener((o, was, now) -> apply(now));
    }

    /** True for PrimerDark, false for PrimerLight. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
