package dev.handoff.sweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code local} engine: a sweep's cells in a thread pool in this process (up to {@code --threads}, fewer if the
 * design says so). Each cell lands at its own place, so the result does not depend on the number of threads or the
 * order in which cells finish; each finished cell is saved to the folder at once, so a killed sweep resumes.
 */
public final class LocalSweepEngine implements SweepEngine {
    public static final String ID = "local";
    private static final Logger LOG = LoggerFactory.getLogger(LocalSweepEngine.class);
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "threads in this process (--threads)";
    }

    @Override
    public String problemWithOptions(Map<String, String> options) {
        return options.isEmpty() ? null : "the local engine takes no engine options (--master, --conf are for --engine spark)";
    }

    @Override
    public SweepFolder folder(String out, Map<String, String> options) {
        if (URI_SCHEME.matcher(out).matches() && !out.startsWith("file:")) {
            throw new IllegalArgumentException("the local engine writes to a local folder, not " + out
                    + " (a Hadoop URI needs --engine spark)");
        }
        return new LocalSweepFolder(out.startsWith("file:") ? Path.of(java.net.URI.create(out)) : Path.of(out));
    }

    @Override
    public SweepResult run(SweepRequest request) throws InterruptedException, IOException {
        SweepGrid grid = request.grid();
        SweepCellStore store = request.store();
        Map<SweepCell, SweepCellResult> results = new ConcurrentHashMap<>(store.finished(grid, request::report,
                request.keepRuns()));
        List<SweepCell> pending = SweepCellStore.pending(grid, results);
        String note = store.resumeNote(results.size(), grid.cells().size());
        if (note != null) {
            request.report(note);
        }
        SweepProgress progress = new SweepProgress(grid.design().axis(), grid.cells().size(), results.size(),
                request.progress());
        long t0 = System.nanoTime();
        measure(grid.design(), pending, request.threads(), request.runs(), r -> {
            try {
                store.save(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the cell " + r.cell().describe(grid.design().axis())
                        + " to " + store.folder().location() + ": " + e.getMessage(), e);
            }
            results.put(r.cell(), r);
            progress.cellDone(r.cell());
        });
        return grid.assemble(results, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs a sweep in memory (no folder, nothing resumed): every cell of the grid on up to {@code parallelism} threads. */
    public static SweepResult run(SweepDesign design, double[] values, List<Long> seeds, int parallelism,
                                  Consumer<String> progressLines) throws InterruptedException {
        SweepGrid grid = new SweepGrid(design, values, seeds);
        List<SweepCell> cells = grid.cells();
        Map<SweepCell, SweepCellResult> results = new ConcurrentHashMap<>();
        SweepProgress progress = new SweepProgress(design.axis(), cells.size(), 0, progressLines);
        long t0 = System.nanoTime();
        measure(design, cells, parallelism, null, r -> {
            results.put(r.cell(), r);
            progress.cellDone(r.cell());
        });
        return grid.assemble(results, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Measures {@code cells} on a pool, keeping run folders in {@code runs} (null: none), and hands each result to
     * {@code done} (on the worker thread) as it finishes.
     */
    private static void measure(SweepDesign design, List<SweepCell> cells, int parallelism, SweepFolder runs,
                                Consumer<SweepCellResult> done) throws InterruptedException {
        if (cells.isEmpty()) {
            return;
        }
        int threads = Math.max(1, Math.min(Math.min(parallelism, design.maxParallelism()), cells.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (SweepCell cell : cells) {
                futures.add(pool.submit(() -> {
                    done.accept(SweepCellResult.measure(design, cell, ID, runs));
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    LOG.warn("sweep cell failed", cause);
                    throw new IllegalStateException("a sweep cell failed (" + cells.get(i).describe(design.axis())
                            + "): " + cause.getMessage(), cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
