package dev.handoff.views.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a save failed, in words a person can act on, and what was kept: the file on disk is unchanged (saves are
 * atomic) and the document is still open.
 */
public record SaveFailure(Path file, String reason) {

    public static SaveFailure of(Path file, Throwable error) {
        return new SaveFailure(file, reasonOf(error));
    }

    /** "Could not save ring.workflow.json". */
    public String headline() {
        return "Could not save " + (file == null ? "the workflow" : file.getFileName());
    }

    /** The reason, what is unchanged, and what to do next. */
    public String message() {
        return reason + "\n\n"
                + (file == null ? "" : "The file on disk is unchanged: " + file + "\n")
                + "The workflow is still open with all its edits (and autosaved). Free some space or choose another "
                + "folder with File ▸ Save As.";
    }

    static String reasonOf(Throwable error) {
        Throwable e = error instanceof UncheckedIOException u ? u.getCause() : error;
        if (e instanceof AccessDeniedException a) {
            return "You may not write to " + where(a) + " (permission denied).";
        }
        if (e instanceof NoSuchFileException n) {
            return "The folder " + where(n) + " does not exist.";
        }
        if (e instanceof FileSystemException f) {
            String why = f.getReason() == null ? "" : f.getReason();
            String lower = why.toLowerCase(Locale.ROOT);
            if (lower.contains("no space")) {
                return "The disk is full (" + why + ").";
            }
            if (lower.contains("read-only") || lower.contains("operation not permitted")) {
                return "Cannot write to " + where(f) + ": it is read-only (" + why + ").";
            }
            return "The system refused to write " + where(f) + (why.isEmpty() ? "." : ": " + why + ".");
        }
        if (e instanceof IOException io) {
            String why = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            return why.toLowerCase(Locale.ROOT).contains("no space") ? "The disk is full (" + why + ")."
                    : "Writing failed: " + why + ".";
        }
        return "Writing failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The file the system refused: the destination of a move, and a folder rather than a save's temporary file. */
    private static String where(FileSystemException f) {
        String file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
        if (file == null) {
            return "the folder";
        }
        Path p = Path.of(file);
        String name = String.valueOf(p.getFileName());
        return name.startsWith(".") && name.endsWith(".tmp") && p.getParent() != null ? "the folder " + p.getParent() : file;
    }
}
