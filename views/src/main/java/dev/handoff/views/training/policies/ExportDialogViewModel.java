package dev.handoff.views.training.policies;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The export dialog without a screen: which seed, and the folder its bundle goes in as a path the user can type (or
 * fill with the folder picker). It starts at the run's own folder; what will be written, or why it cannot be, is
 * shown as the path is typed, and Export is enabled exactly when the path can be written.
 */
public final class ExportDialogViewModel {
    private final PoliciesViewModel policies;
    private final List<ExportChoice> choices;
    private final ObjectProperty<ExportChoice> choice = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty("");
    private final BooleanProperty csv = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Path> bundleDir = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(false);
    private boolean folderTyped;
    private boolean settingDefault;

    ExportDialogViewModel(PoliciesViewModel policies, List<ExportChoice> choices) {
        this.policies = policies;
        this.choices = List.copyOf(choices);
        folder.addListener((o, a, b) -> {
            folderTyped |= !settingDefault;
            check();
        });
        choice.addListener((o, a, c) -> {
            if (!folderTyped && c != null) {
                settingDefault = true;
                folder.set(policies.defaultExportFolder(c).toString());
                settingDefault = false;
            }
            check();
        });
        choice.set(choices.isEmpty() ? null : choices.get(0));
        check();
    }

    public List<ExportChoice> choices() {
        return choices;
    }

    /** The seed to export. */
    public ObjectProperty<ExportChoice> choiceProperty() {
        return choice;
    }

    /** The folder the bundle's own folder is made in, as typed (a leading ~ is the home folder). */
    public StringProperty folderProperty() {
        return folder;
    }

    /** Also write each agent file as CSV. */
    public BooleanProperty csvProperty() {
        return csv;
    }

    /** Where the bundle will be written, or null while the path cannot be written. */
    public ReadOnlyObjectProperty<Path> bundleDirProperty() {
        return bundleDir.getReadOnlyProperty();
    }

    /** "Writes …" (and whether it replaces a bundle), or why the typed path cannot be used. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    /** Where the folder picker opens: the typed folder or its nearest existing parent, else the default folder. */
    public Path browseStart() {
        Path typed = parse(folder.get());
        Path existing = typed == null ? null : nearestExisting(typed);
        if (existing != null && Files.isDirectory(existing)) {
            return existing;
        }
        return choice.get() == null ? Path.of(System.getProperty("user.home")) : policies.defaultExportFolder(choice.get());
    }

    /** The folder picker's answer fills the path. */
    public void browsed(Path chosen) {
        if (chosen != null) {
            folder.set(chosen.toString());
        }
    }

    /** Writes the bundle where {@link #bundleDirProperty()} says; returns the folder written. */
    public Path export() throws IOException {
        if (!canExport.get()) {
            throw new IllegalStateException(message.get());
        }
        return policies.exportPolicies(choice.get(), bundleDir.get(), csv.get());
    }

    private void check() {
        bundleDir.set(null);
        canExport.set(false);
        if (choice.get() == null) {
            message.set("No trained seed to export: train, then pause or stop.");
            return;
        }
        String text = folder.get() == null ? "" : folder.get().trim();
        if (text.isEmpty()) {
            message.set("Type a folder, or choose one with Browse…");
            return;
        }
        Path dir = parse(text);
        if (dir == null) {
            message.set("Not a folder path: " + text);
            return;
        }
        if (!dir.isAbsolute()) {
            message.set("Give the whole path, from / (or ~ for your home folder)");
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            message.set(dir + " is a file, not a folder");
            return;
        }
        Path existing = nearestExisting(dir);
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            message.set("Cannot write in " + (existing == null ? dir.getRoot() : existing));
            return;
        }
        Path out = dir.resolve(policies.bundleFolderName(choice.get()));
        bundleDir.set(out);
        canExport.set(true);
        message.set((Files.exists(out.resolve("bundle.json")) ? "Replaces the bundle in " : "Writes ") + out
                + (Files.exists(dir) ? "" : " (the missing folders are made)"));
    }

    private static Path parse(String text) {
        String t = text.trim();
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        try {
            return Path.of(t).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path nearestExisting(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q;
    }
}
