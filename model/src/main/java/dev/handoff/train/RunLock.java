package dev.handoff.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a training process holds on its run folder ({@value #FILE}, which names the process): an operating-system
 * file lock, so it vanishes with the process however that ends (a crash, {@code kill -9}, a power cut). A manifest
 * that says {@code running} while nobody holds the lock is of an interrupted run; a held lock keeps a second process
 * from resuming the same folder.
 *
 * <p>Locks this process holds are also kept in a table and checked there first: on POSIX systems closing any handle of
 * a locked file drops the process's lock, so this process never opens a lock file it holds.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";
    private static final java.util.Map<Path, RunLock> HELD = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, Path file, FileChannel channel, FileLock lock) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the run folder {@code dir} for this process.
     *
     * @throws RunFolderException when another process (or this one) holds it: the run is still going on
     */
    public static synchronized RunLock acquire(Path dir) throws IOException {
        Path key = keyOf(dir);
        if (HELD.containsKey(key)) {
            throw new RunFolderException("the run in " + dir + " is still training in this workbench: stop it first");
        }
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            ch.close();
            throw new RunFolderException("the run in " + dir + " is still training"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": stop it first");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
        RunLock held = new RunLock(key, file, ch, lock);
        HELD.put(key, held);
        return held;
    }

    private static Path keyOf(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /** Whether a live process (this one included) holds the lock of the run folder {@code dir}. */
    public static boolean isHeld(Path dir) {
        if (HELD.containsKey(keyOf(dir))) {
            return true;
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // taken by this process while we looked
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock and removes the lock file. */
    @Override
    public void close() throws IOException {
        synchronized (RunLock.class) {
            if (HELD.remove(key, this)) {
                try {
                    Files.deleteIfExists(file);
                    lock.release();
                } finally {
                    channel.close();
                }
            }
        }
    }
}
