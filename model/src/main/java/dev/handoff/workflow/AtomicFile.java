package dev.handoff.workflow;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Replacing a file so that a crash, a full disk or a refused write never leaves anything but the old file or the new
 * one: the bytes go to a temporary file in the same folder and are forced to disk, the old file is copied to its
 * backup (when one is asked for) the same way, the temporary file is renamed over the target in one atomic step, and
 * the folder entry is forced to disk. On any failure the target is untouched and no temporary file stays behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code file}; when {@code backup} is not null and {@code file} exists, its previous
     * content is kept there (replacing an older backup). A symbolic link is followed: its target is replaced.
     */
    public static void write(Path file, byte[] bytes, Path backup) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        Path backupTmp = null;
        try {
            writeAndForce(tmp, bytes);
            keepPermissions(target, tmp);
            if (backup != null && Files.isRegularFile(target)) {
                Path backupAbs = backup.toAbsolutePath();
                backupTmp = Files.createTempFile(backupAbs.getParent(), "." + backupAbs.getFileName() + ".", ".tmp");
                writeAndForce(backupTmp, Files.readAllBytes(target));
                keepPermissions(target, backupTmp);
                move(backupTmp, backupAbs);
            }
            move(tmp, target);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
            if (backupTmp != null) {
                Files.deleteIfExists(backupTmp);
            }
        }
    }

    private static void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a folder as a channel; its rename is durable once it returns
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
