package dev.handoff.views.document;

import dev.handoff.views.task.SerialLane;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.recovery.RecoveryStore;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Autosave of unsaved edits: on each {@link #tick} (every few seconds, driven by the app's timer) a modified document
 * that changed since the last autosave is written to its recovery {@link RecoveryStore.Session} on a background
 * thread, so after a crash the next start can offer it back. Once the document is saved, or its edits are undone or
 * discarded, the autosave is removed: only unsaved work is kept. {@link #close} on a clean exit removes it too.
 */
public final class Autosave implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);
    private final DocumentViewModel document;
    private final RecoveryStore.Session session;
    private final SerialLane io;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Instant> lastAutosave = new ReadOnlyObjectWrapper<>(this, "lastAutosave");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Workflow written;

    /**
     * @param io the background lane for the writes (closed by {@link #close})
     * @param ui where the properties change (the JavaFX thread; a direct executor in tests)
     */
    public Autosave(DocumentViewModel document, RecoveryStore.Session session, SerialLane io, Executor ui) {
        this.document = document;
        this.session = session;
        this.io = io;
        this.ui = ui;
        document.modifiedProperty().addListener((o, was, modified) -> {
            if (!modified) {
                forget();
            }
        });
        document.generationProperty().addListener((o, a, b) -> {
            if (!document.isModified()) {
                forget();
            }
        });
    }

    /** When the last autosave was written (null before the first). */
    public ReadOnlyObjectProperty<Instant> lastAutosaveProperty() {
        return lastAutosave.getReadOnlyProperty();
    }

    /** Why the last autosave failed ("" when it worked). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Where this document's autosave goes. */
    public Path folder() {
        return session.folder();
    }

    /** Writes the document in the background if it has unsaved edits the last autosave does not have. */
    public void tick() {
        Workflow now = document.document();
        if (document.isModified() && !Objects.equals(now, written)) {
            written = now;
            Path file = document.fileProperty().get();
            io.execute(() -> write(now, file));
        }
    }

    /** {@link #tick} and wait until the write is done (before an action that must not lose the edits). */
    public void saveNow() {
        tick();
        flush();
    }

    /** Waits for the writes handed to the background thread so far. */
    public void flush() {
        io.flush(Duration.ofSeconds(10));
    }

    /** A clean end (the user saved or discarded): removes the autosave and stops the background thread. */
    @Override
    public void close() {
        forget();
        io.close();
    }

    private void forget() {
        written = null;
        io.execute(this::clear);
    }

    private void write(Workflow w, Path file) {
        try {
            session.save(w, file);
            Instant at = Instant.now();
            ui.execute(() -> {
                lastAutosave.set(at);
                problem.set("");
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Autosave to {} failed", session.folder(), e);
            String why = "Autosave failed: " + SaveFailure.reasonOf(e);
            ui.execute(() -> problem.set(why));
        }
    }

    private void clear() {
        try {
            session.clear();
        } catch (IOException e) {
            LOG.warn("Cannot remove the autosave {}", session.folder(), e);
        }
    }
}
