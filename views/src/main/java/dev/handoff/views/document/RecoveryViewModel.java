package dev.handoff.views.document;

import dev.handoff.workflow.recovery.RecoveryEntry;
import dev.handoff.workflow.recovery.RecoveryStore;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The offer to recover unsaved work after a crash: one {@link Offer} per autosave left by a process that is gone, with
 * what it changes compared with its file on disk; {@link #recover} reopens one, {@link #discard} drops it.
 */
public final class RecoveryViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final RecoveryStore store;
    private final DocumentViewModel document;
    private final Autosave autosave;
    private final ObservableList<Offer> offers = FXCollections.observableArrayList();
    private final ObservableList<Offer> readOnlyOffers = FXCollections.unmodifiableObservableList(offers);

    /** One autosave to offer: "ring10.workflow.json, autosaved 2026-12-07 10:32:05" and its changes. */
    public record Offer(RecoveryEntry entry, String title, String changes) {
        @Override
        public String toString() {
            return title + "\n" + changes;
        }
    }

    public RecoveryViewModel(RecoveryStore store, DocumentViewModel document, Autosave autosave) {
        this.store = store;
        this.document = document;
        this.autosave = autosave;
    }

    public ObservableList<Offer> offers() {
        return readOnlyOffers;
    }

    /** Looks again for autosaves of processes that are gone; true when there is something to offer. */
    public boolean refresh() {
        List<Offer> found = store.orphaned().stream().map(RecoveryViewModel::offer).toList();
        offers.setAll(found);
        return !found.isEmpty();
    }

    /**
     * Opens the recovered document in place of the current one (the caller asks about the current one's unsaved
     * changes first), autosaves it at once under this session, then removes the old autosave.
     */
    public void recover(Offer offer) throws IOException {
        document.recover(offer.entry().workflow(), offer.entry().sourceFile());
        autosave.saveNow();
        store.discard(offer.entry());
        offers.remove(offer);
    }

    /** Drops an autosave for good. */
    public void discard(Offer offer) throws IOException {
        store.discard(offer.entry());
        offers.remove(offer);
    }

    private static Offer offer(RecoveryEntry e) {
        String name = e.sourceFile() == null ? "Untitled workflow \u201c" + e.workflow().name() + "\u201d"
                : e.sourceFile().getFileName().toString();
        String changes = e.sourceFile() == null ? "not saved yet: " + e.workflow().agents().size() + " agents, "
                + e.workflow().handoffs().size() + " handoffs"
                : "unsaved changes: " + e.changesFromDisk().summary();
        return new Offer(e, name + ", autosaved " + WHEN.format(e.savedAt()), changes);
    }
}
