package dev.handoff.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.prefs.Preferences;

/** The light/dark AtlantaFX theme, applied to the whole application and remembered in the user's preferences. */
public final class ThemePreference {
    static final String KEY = "theme.dark";

    private final Preferences prefs;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemePreference(Preferences prefs) {
        this.prefs = prefs;
        dark.set(prefs.getBoolean(KEY, false));
        apply(dark.get());
        dark.addListener((o, was, now) -> {
            prefs.putBoolean(KEY, now);
            apply(now);
        });
    }

    /** True for PrimerDark, false for PrimerLight. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
