package dev.handoff.app;

import dev.handoff.views.document.Autosave;
import dev.handoff.views.task.SerialLane;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.document.RecoveryViewModel;
import dev.handoff.workflow.recovery.RecoveryStore;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Keeps the main window's unsaved edits safe: autosaves them every few seconds ({@code handoff.autosave.seconds},
 * default 5) to the recovery folder in the user's data folder, and offers autosaves left by a crash back.
 */
final class UnsavedWork {
    static final double SECONDS = autosaveSeconds(System.getProperty("handoff.autosave.seconds"));
    private final RecoveryStore store;
    private final Autosave autosave;
    private final RecoveryViewModel recovery;
    private final Timeline timer;

    UnsavedWork(DocumentViewModel document, Path recoveryFolder) {
        store = new RecoveryStore(recoveryFolder);
        autosave = new Autosave(document, store.openSession(), new SerialLane("handoff-autosave"), Platform::runLater);
        recovery = new RecoveryViewModel(store, document, autosave);
        timer = new Timeline(new KeyFrame(Duration.seconds(SECONDS), e -> autosave.tick()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    /** The autosave interval: the property's value when it is a number from 1 to 3600, else 5 seconds. */
    static double autosaveSeconds(String property) {
        try {
            double s = property == null ? 5 : Double.parseDouble(property);
            return s >= 1 && s <= 3600 ? s : 5;
        } catch (NumberFormatException notANumber) {
            return 5;
        }
    }

    /**
     * Offers autosaves left by a crash; {@code mayReplace} says whether the open document may be replaced (the
     * caller has asked about its unsaved changes). True when one was recovered.
     */
    boolean offerRecovery(Window owner, java.util.function.BooleanSupplier mayReplace) {
        if (!recovery.refresh()) {
            return false;
        }
        var chosen = RecoveryDialog.ask(owner, recovery);
        if (chosen.isEmpty() || !mayReplace.getAsBoolean()) {
            return false;
        }
        try {
            recovery.recover(chosen.get());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish recovering " + chosen.get().title(), e);
        }
    }

    /** The window closed after the user saved or discarded: nothing to keep. */
    void close() {
        timer.stop();
        autosave.close();
    }
}
