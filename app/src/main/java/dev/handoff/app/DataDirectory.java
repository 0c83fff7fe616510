package dev.handoff.app;

import java.nio.file.Path;

/**
 * The user's data folder for the workbench and the CLI, {@code ~/.handoff-workbench} (beside the live runs in
 * {@code runs/}): {@code logs/} holds the rolling log files, {@code recovery/} the autosaved unsaved edits. The system
 * property {@code handoff.data} moves it (tests, portable installs).
 */
public final class DataDirectory {
    public static final String PROPERTY = "handoff.data";

    private DataDirectory() {
    }

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".handoff-workbench");
    }

    public static Path logs() {
        return root().resolve("logs");
    }

    public static Path recovery() {
        return root().resolve("recovery");
    }
}
