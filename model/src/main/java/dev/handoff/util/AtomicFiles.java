package dev.handoff.util;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replacing a file so that a reader, a crash, a full disk or a refused write never sees anything but the old file or
 * the whole new one: the bytes go to a temporary file in the same folder and are forced to disk, the old file is copied
 * to its backup (when one is asked for) the same way, the temporary file is renamed over the target in one atomic step,
 * and the folder entry is forced to disk where the platform allows it. On any failure the target is untouched and no
 * temporary file stays behind. The one way the workbench replaces a file: workflow saves and autosaves, run manifests,
 * metrics and checkpoints.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code target} with what {@code content} writes; on failure the old file is left as it was. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    /** Replaces {@code file} with {@code bytes}, keeping its previous content in {@code backup} (null: none). */
    public static void write(Path file, byte[] bytes, Path backup) throws IOException {
        write(file, out -> out.write(bytes), backup);
    }

    /**
     * Replaces {@code file} with what {@code content} writes; when {@code backup} is not null and {@code file} exists,
     * its previous content is kept there (replacing an older backup). A symbolic link is followed: its target is
     * replaced. The new file keeps the old one's permissions (rw-r--r-- for a new file).
     */
    public static void write(Path file, Content content, Path backup) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        Path backupTmp = null;
        try {
            writeAndForce(tmp, content);
            keepPermissions(target, tmp);
            if (backup != null && Files.isRegularFile(target)) {
                Path backupAbs = backup.toAbsolutePath();
                backupTmp = Files.createTempFile(backupAbs.getParent(), "." + backupAbs.getFileName() + ".", ".tmp");
                byte[] previous = Files.readAllBytes(target);
                writeAndForce(backupTmp, out -> out.write(previous));
                keepPermissions(target, backupTmp);
                move(backupTmp, backupAbs);
            }
            move(tmp, target);
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
            if (backupTmp != null) {
                Files.deleteIfExists(backupTmp);
            }
        }
    }

    private static void writeAndForce(Path file, Content content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(unclosable(Channels.newOutputStream(ch)), 1 << 16);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    /** {@code out}, except that closing it only flushes (writers such as Jackson close what they wrote to). */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Renames {@code from} over {@code to} atomically where the file system can, else plainly. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened (Windows). */
    public static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the rename itself is still atomic
        }
    }

    /** A temp file is created owner-only; give it the old file's permissions (or rw-r--r-- for a new file). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(perms);
    }
}
