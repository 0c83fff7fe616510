package dev.handoff.train;

import dev.handoff.components.ComponentReading;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * Writes the run folder of one algorithm's seeds, in the one format {@code handoff train}, the dashboard and
 * {@link RunFolder} share: {@code manifest.json} (status {@code running} at the start, the end state and its reason at
 * the end, each written atomically), {@code run.lock} while training ({@link RunLock}), {@code workflow.json}, the
 * learner settings a resume needs ({@code neural-settings.json}), {@code metrics.csv} (one row per window and seed),
 * {@code components.csv} (kinds with an exact model), {@value #GREEDY_FILE} (greedy returns, where the dashboard took
 * them), {@code checkpoints/} ({@link RunCheckpoints}), {@code networks/} (neural seeds) and {@code summary.json}.
 * Appends are thread-safe; checkpoints must be written while their trainer is between chunks.
 */
public final class RunFolderWriter implements AutoCloseable {
    /** Greedy-return points a live run took: {@code algorithm,seed,handoffs,greedy_return}. */
    public static final String GREEDY_FILE = "greedy.csv";
    public static final List<String> GREEDY_HEADER = List.of("algorithm", "seed", "handoffs", "greedy_return");
    static final String COMPONENTS_FILE = "components.csv";

    private final Path dir;
    private final Workflow workflow;
    private final Algorithm algorithm;
    private final RunLock lock;
    private final MetricsCsv metrics;
    private ComponentsCsv components;
    private RunCsv greedy;
    private final java.util.Map<Long, Long> lastGreedyAt = new java.util.HashMap<>();
    private RunManifest manifest;
    private boolean closed;

    private RunFolderWriter(Path dir, Workflow workflow, Algorithm algorithm, List<Long> seeds, long handoffs,
                            SeedRun settingsSource, ToLongBiFunction<String, Long> keepUpTo) throws IOException {
        this.dir = dir;
        this.workflow = workflow;
        this.algorithm = algorithm;
        this.lock = RunLock.acquire(dir);
        try {
            manifest = RunManifest.started(workflow, algorithm, seeds, handoffs);
            manifest.writeTo(dir);
            if (!Files.exists(dir.resolve("workflow.json"))) {
                WorkflowJson.write(workflow, dir.resolve("workflow.json"));
            }
            if (settingsSource != null) {
                settingsSource.writeSettings(dir);
            }
            metrics = new MetricsCsv(dir.resolve("metrics.csv"), workflow, keepUpTo);
            if (keepUpTo == null) {
                Files.deleteIfExists(dir.resolve(GREEDY_FILE));
                Files.deleteIfExists(dir.resolve(COMPONENTS_FILE));
            } else { // a resumed run: drop what was written after the checkpoints now, even if nothing is appended
                if (Files.exists(dir.resolve(COMPONENTS_FILE))) {
                    components = new ComponentsCsv(dir.resolve(COMPONENTS_FILE), keepUpTo);
                }
                if (Files.exists(dir.resolve(GREEDY_FILE))) {
                    greedy = new RunCsv(dir.resolve(GREEDY_FILE), GREEDY_HEADER, keepUpTo);
                }
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Starts a run folder in {@code dir} (created if needed) for a fresh run of {@code algorithm}; {@code settingsSource}
     * (one of its seeds) writes the learner settings a resume needs.
     *
     * @throws RunFolderException when {@code dir} cannot be written (it is a file, read-only, or another run is training
     *                            in it), before any training starts
     */
    public static RunFolderWriter start(Path dir, Workflow workflow, Algorithm algorithm, List<Long> seeds, long handoffs,
                                        SeedRun settingsSource) {
        return open(dir, workflow, algorithm, seeds, handoffs, settingsSource, null);
    }

    /**
     * Reopens the run folder {@code dir} for a run resumed from its checkpoints: rows of {@code metrics.csv},
     * {@code components.csv} and {@value #GREEDY_FILE} after each seed's checkpoint ({@code keepUpTo} of its algorithm
     * and seed) are dropped, so the folder ends up as an uninterrupted run's.
     */
    public static RunFolderWriter resume(Path dir, Workflow workflow, Algorithm algorithm, List<Long> seeds, long handoffs,
                                         SeedRun settingsSource, ToLongBiFunction<String, Long> keepUpTo) {
        return open(dir, workflow, algorithm, seeds, handoffs, settingsSource, keepUpTo);
    }

    private static RunFolderWriter open(Path dir, Workflow workflow, Algorithm algorithm, List<Long> seeds, long handoffs,
                                        SeedRun settingsSource, ToLongBiFunction<String, Long> keepUpTo) {
        try {
            Files.createDirectories(dir);
            return new RunFolderWriter(dir, workflow, algorithm, seeds, handoffs, settingsSource, keepUpTo);
        } catch (RunFolderException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new RunFolderException("cannot write the run folder " + dir + ": " + describe(e), e);
        }
    }

    /** What went wrong writing, in words (the file the system names and why). */
    static String describe(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied (" + a.getFile() + ")";
        }
        if (t instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    public Path dir() {
        return dir;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** Appends one window at full resolution; any thread. */
    public void append(TrainingWindow w) {
        metrics.append(w);
    }

    /** Appends one error-component reading to {@code components.csv} (created on the first); any thread. */
    public synchronized void append(ComponentReading reading) {
        if (components == null) {
            components = new ComponentsCsv(dir.resolve(COMPONENTS_FILE), null);
        }
        components.append(algorithm, reading);
    }

    /** Appends one greedy-return point to {@value #GREEDY_FILE} (created with its header on the first); any thread. */
    public synchronized void appendGreedyReturn(long seed, long handoffs, double greedyReturn) {
        if (greedy == null) {
            greedy = new RunCsv(dir.resolve(GREEDY_FILE), GREEDY_HEADER, null);
        }
        greedy.append(List.of(algorithm.cliName(), Long.toString(seed), Long.toString(handoffs), Double.toString(greedyReturn)));
        lastGreedyAt.put(seed, handoffs);
    }

    /**
     * Ends a greedy curve this run records ({@value #GREEDY_FILE}) where the seed stopped: appends its final greedy
     * return unless its last point is already at {@code handoffs}; nothing for a run that records no curve (the CLI's).
     */
    synchronized void endGreedyCurve(long seed, long handoffs, double greedyReturn) {
        if (greedy != null && lastGreedyAt.getOrDefault(seed, -1L) != handoffs) {
            appendGreedyReturn(seed, handoffs, greedyReturn);
        }
    }

    /**
     * Writes {@code trainer}'s checkpoint, after handing the rows written so far to the operating system (a run killed
     * after this resumes from the checkpoint with every row before it). Call only while no thread is inside the
     * trainer's {@code runUntil}.
     */
    public void checkpoint(SeedRun trainer) {
        metrics.flush();
        RunCheckpoints.write(dir, trainer);
    }

    /**
     * At the end of the run, before any greedy evaluation touches the learners (as the numbers in the summary expect):
     * each seed's checkpoint and what it keeps besides (a neural seed's networks).
     */
    public void saveTrainers(List<? extends SeedRun> trainers) throws IOException {
        for (SeedRun t : trainers) {
            checkpoint(t);
            t.writeArtifacts(dir);
        }
    }

    /** Closes the CSVs, writes the summary and the manifest's end state ({@link RunManifest}) with its reason, and unlocks. */
    public void finish(String endStatus, String reason, TrainingSummary summary) throws IOException {
        try {
            closeFiles();
            manifest = manifest.ended(endStatus, reason, summary);
            manifest.writeTo(dir);
            RunFolder.JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
        } finally {
            lock.close();
        }
    }

    /** Closes the CSVs and unlocks, leaving the manifest as it is (a run that ends without {@link #finish}). */
    @Override
    public void close() {
        try {
            closeFiles();
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(RunFolderWriter.class).warn("cannot unlock {}: {}", dir, e.getMessage());
            }
        }
    }

    private synchronized void closeFiles() {
        if (closed) {
            return;
        }
        closed = true;
        metrics.close();
        if (components != null) {
            components.close();
        }
        if (greedy != null) {
            greedy.close();
        }
    }

}
