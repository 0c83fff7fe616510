package dev.handoff.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link TrainingSession} tells the user: notes (checkpoints it fell back from, folders it could not write, a
 * model too large to solve), kept for {@link TrainingSession#notes()} and told at once as {@code note: ...} to whoever
 * watches the progress, and plain progress lines. Thread safe: trainer threads note too.
 */
final class SessionNotes {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<String> progress;
    private int shown; // notes already told to the progress sink (guarded by notes)

    /** {@code progress}: who watches from the start (null: nobody yet). */
    SessionNotes(Consumer<String> progress) {
        this.progress = progress;
    }

    /** From now on {@code sink} watches; it hears at once the notes made before. */
    void watch(Consumer<String> sink) {
        progress = sink;
        tellNotes();
    }

    /** Something the user should know; told at once (as {@code note: ...}) to whoever watches the progress. */
    void note(String message) {
        LOG.debug(message);
        notes.add(message);
        tellNotes();
    }

    /** A progress line for whoever watches (nobody: dropped). */
    void tell(String line) {
        Consumer<String> sink = progress;
        if (sink != null) {
            sink.accept(line);
        }
    }

    /** Every note so far, in order. */
    List<String> all() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Tells the progress sink, if any, the notes it has not heard yet. */
    private void tellNotes() {
        Consumer<String> sink = progress;
        if (sink == null) {
            return;
        }
        synchronized (notes) {
            while (shown < notes.size()) {
                sink.accept("note: " + notes.get(shown++));
            }
        }
    }
}
