package dev.handoff.app;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened or saved workflow files, newest first, remembered in the user's preferences. */
public final class RecentFiles {
    static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < MAX; i++) {
            String s = prefs.get(KEY + i, null);
            if (s != null && !s.isBlank()) {
                files.add(Path.of(s));
            }
        }
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Puts a file first (moving it up if it was already listed) and forgets the oldest beyond {@value #MAX}. */
    public void remember(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        for (int i = 0; i < MAX; i++) {
            if (i < next.size()) {
                prefs.put(KEY + i, next.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }

    public void forget(Path file) {
        List<Path> next = new ArrayList<>(files);
        if (next.remove(file.toAbsolutePath().normalize())) {
            files.clear();
            for (int i = 0; i < MAX; i++) {
                prefs.remove(KEY + i);
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                remember(next.get(i));
            }
        }
    }
}
