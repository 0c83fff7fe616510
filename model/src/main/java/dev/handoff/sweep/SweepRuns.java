package dev.handoff.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run folders a sweep keeps ({@code --keep-runs}): one per cell of an algorithm that trains, in the one run-folder
 * format of {@code handoff train --out} (so {@code handoff export} and {@code handoff train --resume} work on it), at
 * {@code runs/<axis>=<value>/<algorithm>-seed<N>/} inside the sweep's folder. A cell's folder is built on the
 * measuring machine's disk ({@link SweepFolder#stage}: on a local file system in place, for Hadoop file systems in a
 * temporary folder) and published whole ({@link SweepFolder#publish}) before the cell's file is saved, so a finished
 * cell always has its whole run folder ({@value #LAST_FILE} is written last), a partial one left by a kill is replaced,
 * a retried or resumed cell never leaves two copies, and only the cell's small row travels back to whoever assembles
 * the sweep.
 */
public final class SweepRuns {
    /** The sub-folder of a sweep folder that holds the run folders. */
    public static final String RUNS = "runs";
    /** The file a run folder writes last: a folder that has it is whole. */
    public static final String LAST_FILE = "summary.json";

    private SweepRuns() {
    }

    /**
     * The run folder of {@code cell} inside a sweep folder: {@code runs/handoffs=2000/icq-tabular-seed3} (whole numbers
     * without a decimal point, other values as Java writes a double, so two values never share a folder; characters
     * other than letters, digits, dots and dashes in the algorithm become {@code _}).
     */
    public static String folderOf(String axis, SweepCell cell) {
        return RUNS + "/" + axis + "=" + valueName(cell.value()) + "/"
                + cell.algorithm().replaceAll("[^A-Za-z0-9.-]", "_") + "-seed" + cell.seed();
    }

    static String valueName(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Whether the cell's run folder is whole in {@code folder} (a cell without it is measured again). */
    public static boolean isWhole(SweepFolder folder, String axis, SweepCell cell) throws IOException {
        return folder.exists(folderOf(axis, cell) + "/" + LAST_FILE);
    }

    /**
     * Measures {@code cell} with {@code algorithm}, keeping its run folder in {@code runs} when that is not null and
     * the algorithm trains: built where {@code runs} stages it, then published. A whole run folder already there (the
     * cell measured before, its row lost) is kept and the cell measured without writing one.
     */
    static List<SweepReading> measure(SweepAlgorithm algorithm, String axis, SweepCell cell, SweepFolder runs)
            throws Exception {
        if (runs == null || !algorithm.trains() || isWhole(runs, axis, cell)) {
            return algorithm.measurement().measure(cell.value(), cell.seed(), null);
        }
        String name = folderOf(axis, cell);
        Path staged = runs.stage(name);
        boolean published = false;
        try {
            List<SweepReading> readings = algorithm.measurement().measure(cell.value(), cell.seed(), staged);
            if (!Files.isRegularFile(staged.resolve(LAST_FILE))) {
                throw new IllegalStateException("the cell " + cell.describe(axis) + " wrote no run folder");
            }
            runs.publish(staged, name);
            published = true;
            return readings;
        } finally {
            if (!published) {
                deleteTree(staged); // a failed cell leaves no partial folder behind
            }
        }
    }

    /** Deletes a local folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
