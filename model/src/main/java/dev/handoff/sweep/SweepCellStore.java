package dev.handoff.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The finished cells of a sweep in its folder, which is what makes a sweep restartable: {@value #JOB_FILE} says which
 * sweep the folder belongs to (workflow fingerprint, axis, settings), and {@code cells/} holds one file per finished
 * cell, written whole by whichever worker measured it. A sweep started again on the same folder measures only the
 * cells that are not there yet — after a kill, or with more seeds or values than before.
 */
public final class SweepCellStore {
    public static final String JOB_FILE = "sweep-job.json";
    public static final String CELLS = "cells";
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SweepFolder folder;

    private SweepCellStore(SweepFolder folder) {
        this.folder = folder;
    }

    /** The job file's content: which sweep the cells in the folder belong to. */
    record Job(int format, String axis, String workflow, String workflowHash, SweepSettings settings) {
    }

    /**
     * Opens {@code folder} for the sweep {@code spec}: a new folder gets the job file; a folder that already holds the
     * same sweep is resumed.
     *
     * @throws IllegalArgumentException when the folder holds another sweep's cells (another workflow, axis or
     *                                  settings), naming what differs
     */
    public static SweepCellStore open(SweepFolder folder, SweepSpec spec) throws IOException {
        String name = spec.workflow().name();
        Job job = new Job(1, spec.axis(), name, spec.workflowHash(), spec.settings());
        Optional<byte[]> existing = folder.read(JOB_FILE);
        if (existing.isPresent()) {
            Job old;
            try {
                old = MAPPER.readValue(existing.get(), Job.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(folder.locate(JOB_FILE) + " is not a sweep job file ("
                        + e.getMessage() + "): choose another --out folder", e);
            }
            String differs = differences(old, job);
            if (!differs.isEmpty()) {
                throw new IllegalArgumentException(folder.location() + " holds another sweep's results (" + differs
                        + "): choose another --out folder, or delete that one to start again");
            }
        } else {
            folder.write(JOB_FILE, MAPPER.writeValueAsBytes(job));
        }
        return new SweepCellStore(folder);
    }

    private static String differences(Job old, Job now) {
        StringBuilder s = new StringBuilder();
        if (!now.workflowHash().equals(old.workflowHash())) {
            s.append("another workflow: ").append(old.workflow()).append(" ").append(shortHash(old.workflowHash()))
                    .append(" there, ").append(now.workflow()).append(" ").append(shortHash(now.workflowHash())).append(" now");
        }
        if (!now.axis().equals(old.axis())) {
            s.append(s.isEmpty() ? "" : "; ").append("axis ").append(old.axis()).append(" there, ").append(now.axis())
                    .append(" now");
        }
        if (!now.settings().equals(old.settings())) {
            s.append(s.isEmpty() ? "" : "; ").append("settings ").append(old.settings()).append(" there, ")
                    .append(now.settings()).append(" now");
        }
        return s.toString();
    }

    private static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }

    public SweepFolder folder() {
        return folder;
    }

    /** The name of a cell's file in a sweep folder. */
    public static String cellFile(SweepCell cell) {
        return CELLS + "/" + cell.fileName();
    }

    /** Writes one finished cell into {@code folder} (whole, replacing an earlier attempt's identical file). */
    public static void save(SweepFolder folder, SweepCellResult result) throws IOException {
        folder.write(cellFile(result.cell()), SweepCellJson.write(result));
    }

    public void save(SweepCellResult result) throws IOException {
        save(folder, result);
    }

    /**
     * The cells of {@code grid} already finished in the folder. A file that does not read as its cell, or whose
     * readings do not fit the design, is reported to {@code warnings} and left out (so it is measured again).
     */
    public Map<SweepCell, SweepCellResult> finished(SweepGrid grid, Consumer<String> warnings) throws IOException {
        return finished(grid, warnings, false);
    }

    /**
     * As {@link #finished(SweepGrid, Consumer)}; with {@code keepRuns}, a cell of an algorithm that trains counts as
     * finished only when its run folder is whole too ({@link SweepRuns}), so a sweep first run without
     * {@code --keep-runs} gets the run folders it lacks when run again with it (the cells' rows come out the same).
     */
    public Map<SweepCell, SweepCellResult> finished(SweepGrid grid, Consumer<String> warnings, boolean keepRuns)
            throws IOException {
        Map<SweepCell, SweepCellResult> out = finishedCells(grid, warnings);
        if (!keepRuns) {
            return out;
        }
        String axis = grid.design().axis();
        int missing = 0;
        for (SweepCell cell : List.copyOf(out.keySet())) {
            if (grid.design().algorithm(cell.algorithm()).trains() && !SweepRuns.isWhole(folder, axis, cell)) {
                out.remove(cell);
                missing++;
            }
        }
        if (missing > 0 && warnings != null) {
            warnings.accept("sweep: " + missing + " finished cell" + (missing == 1 ? " has" : "s have") + " no run folder in "
                    + folder.locate(SweepRuns.RUNS) + " yet; measuring " + (missing == 1 ? "it" : "them") + " again");
        }
        return out;
    }

    private Map<SweepCell, SweepCellResult> finishedCells(SweepGrid grid, Consumer<String> warnings) throws IOException {
        Set<String> present = new HashSet<>(folder.list(CELLS));
        Map<SweepCell, SweepCellResult> out = new HashMap<>();
        for (SweepCell cell : grid.cells()) {
            if (!present.contains(cell.fileName())) {
                continue;
            }
            String file = cellFile(cell);
            String problem;
            try {
                Optional<byte[]> bytes = folder.read(file);
                if (bytes.isEmpty()) {
                    continue;
                }
                SweepCellResult r = SweepCellJson.read(bytes.get());
                problem = !r.cell().equals(cell) ? "it holds the cell " + r.cell().describe(grid.design().axis())
                        : grid.problemWith(grid.design().algorithm(cell.algorithm()), r.readings());
                if (problem == null) {
                    out.put(cell, r);
                    continue;
                }
            } catch (IOException e) {
                problem = e.getMessage();
            }
            if (warnings != null) {
                warnings.accept("sweep: " + folder.locate(file) + " is not a finished cell (" + problem
                        + "); measuring it again");
            }
        }
        return out;
    }

    /** The line that says a sweep resumes, or null when nothing was finished before. */
    public String resumeNote(int finished, int total) {
        return finished == 0 ? null : "sweep: " + finished + " of " + total + " cells already finished in "
                + folder.location() + (finished == total ? "; nothing left to measure" : "; measuring the other "
                + (total - finished));
    }

    /** The cells of {@code grid} not in {@code finished}, in the grid's order. */
    public static List<SweepCell> pending(SweepGrid grid, Map<SweepCell, SweepCellResult> finished) {
        return grid.cells().stream().filter(c -> !finished.containsKey(c)).toList();
    }
}
