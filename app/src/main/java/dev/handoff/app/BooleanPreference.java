package dev.handoff.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.prefs.Preferences;

/** A yes/no setting kept in the user's preferences: the property starts from the stored value and stores each change. */
final class BooleanPreference {
    private final BooleanProperty value;

    BooleanPreference(Preferences prefs, String key, boolean byDefault) {
        value = new SimpleBooleanProperty(this, key, prefs.getBoolean(key, byDefault));
        value.addListener((o, was, now) -> prefs.putBoolean(key, now));
    }

    BooleanProperty property() {
        return value;
    }
}
