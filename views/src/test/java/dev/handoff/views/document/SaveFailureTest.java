package dev.handoff.views.document;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed save says why in words, that the file on disk is unchanged, and what to do next. */
class SaveFailureTest {
    private static final Path FILE = Path.of("/work/flows/ring.workflow.json");

    @Test
    void theReasonNamesTheCause() {
        assertThat(SaveFailure.reasonOf(new AccessDeniedException("/work/flows/.ring.workflow.json.123.tmp")))
                .isEqualTo("You may not write to the folder /work/flows (permission denied).");
        assertThat(SaveFailure.reasonOf(new FileSystemException("/work/flows/.ring.workflow.json.bak.9.tmp",
                "/work/flows/ring.workflow.json.bak", "Is a directory")))
                .isEqualTo("The system refused to write /work/flows/ring.workflow.json.bak: Is a directory.");
        assertThat(SaveFailure.reasonOf(new FileSystemException("/work/flows/.ring.tmp", null, "No space left on device")))
                .isEqualTo("The disk is full (No space left on device).");
        assertThat(SaveFailure.reasonOf(new FileSystemException("/work/flows/.ring.workflow.json.5.tmp", null, "Operation not permitted")))
                .isEqualTo("Cannot write to the folder /work/flows: it is read-only (Operation not permitted).");
        assertThat(SaveFailure.reasonOf(new FileSystemException("/work/flows", null, "Not a directory")))
                .isEqualTo("The system refused to write /work/flows: Not a directory.");
        assertThat(SaveFailure.reasonOf(new IOException("No space left on device"))).startsWith("The disk is full");
    }

    @Test
    void theMessageSaysWhatIsKeptAndWhatToDo() {
        SaveFailure f = SaveFailure.of(FILE, new AccessDeniedException("/work/flows"));
        assertThat(f.headline()).isEqualTo("Could not save ring.workflow.json");
        assertThat(f.message()).contains("permission denied", "The file on disk is unchanged: " + FILE,
                "still open with all its edits", "File ▸ Save As");
    }
}
