package dev.handoff.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folder a sweep writes to ({@code --out}): its job description, one file per finished cell under
 * {@code cells/}, the final {@code sweep.csv} and {@code sweep.png}, and with {@code --keep-runs} the cells' run folders
 * ({@link SweepRuns}). Files and folders are named by a relative path with
 * {@code /}. A local folder is {@link LocalSweepFolder}; an engine may offer others (a shared or distributed file
 * system).
 */
public interface SweepFolder {
    /** Where it is, as the user should read it (a path or a URI). */
    String location();

    /** Where a file of it is, as the user should read it. */
    String locate(String name);

    /** The file's bytes, or empty when there is no such file. */
    Optional<byte[]> read(String name) throws IOException;

    /**
     * Writes the file whole, replacing any earlier one, so that a reader (or a resumed sweep) sees either the old or
     * the new content, never part of it; creates the folders it needs.
     */
    void write(String name, byte[] content) throws IOException;

    /** The names of the files directly inside the sub-folder {@code dir} (empty when it does not exist). */
    List<String> list(String dir) throws IOException;

    /** Whether the file or folder exists. */
    boolean exists(String name) throws IOException;

    /**
     * An empty local folder in which to build the folder {@code name}, then handed to {@link #publish}: on a local file
     * system the place itself (a partial copy left there by a killed sweep removed first), elsewhere a temporary
     * folder on this machine.
     */
    Path stage(String name) throws IOException;

    /**
     * Puts the folder built in {@code staged} at {@code name} whole, and removes {@code staged} if it is not the place
     * itself. A whole folder already there (another attempt of the same deterministic cell) is kept.
     */
    void publish(Path staged, String name) throws IOException;
}
