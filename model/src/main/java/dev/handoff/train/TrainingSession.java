package dev.handoff.train;

import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentReading;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.ModelSize;
import dev.handoff.metrics.SeedStatistics;
import dev.handoff.workflow.WorkflowLoadException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One training session: the seeds of one or more algorithms on one workflow ({@link TrainingPlan}), trained together by
 * a {@link TrainingRun} on their own threads, each algorithm's seeds written to one run folder ({@link RunFolderWriter})
 * with periodic checkpoints ({@link Checkpointing}), error-component probes where the kind has an exact model, and at
 * the end a {@link TrainingSummary} per algorithm. It is the one way anything trains: {@code handoff train} and
 * {@code --resume} ({@link #runToEnd}), the dashboard ({@code LiveTraining} drives {@link #run()} itself and calls
 * {@link #finish}), and the sweeps. Never touches a UI toolkit.
 */
public final class TrainingSession implements AutoCloseable {
    /** From this many joint states on, building and solving the exact model takes seconds: say so on the progress line. */
    static final long LARGE_MODEL_STATES = 100_000;

    /** The trained seeds, one summary per algorithm (in the plan's order), and what the user should know (fallbacks, folders not written). */
    public record Result(List<TrainingSummary> summaries, List<? extends SeedRun> trainers, List<String> notes) {
        /** The summary of the first (usually only) algorithm. */
        public TrainingSummary summary() {
            return summaries.get(0);
        }
    }

    private final TrainingPlan plan;
    private final List<SeedRun> trainers;
    private final TrainingRun run;
    private final FiniteSmdp model;
    private final Double oracleReturn;
    private final boolean componentsMeasurable;
    private final Map<String, Long> restoredAt; // algorithm/seed → handoffs restored from checkpoints; null for a fresh run
    private final Map<Algorithm, RunFolderWriter> folders = Collections.synchronizedMap(new EnumMap<>(Algorithm.class));
    private final LastReadings lastReadings = new LastReadings();
    private final Checkpointing.Schedule schedule;
    private final SessionNotes notes;
    private final AtomicBoolean released = new AtomicBoolean();
    private boolean opened;
    private long handoffsAtOpen;
    private List<TrainingSummary> summaries;

    private TrainingSession(TrainingPlan plan, List<SeedRun> trainers, Map<String, Long> restoredAt, List<String> earlyNotes,
                            Consumer<String> progress) {
        this.plan = plan;
        this.trainers = List.copyOf(trainers);
        this.restoredAt = restoredAt;
        this.schedule = plan.checkpointing().schedule();
        this.notes = new SessionNotes(progress);
        try {
            this.run = new TrainingRun(this.trainers, plan.parallelism());
            earlyNotes.forEach(notes::note);
            ModelSize size = GreedyReturn.sizeOf(plan.workflow(), plan.kind()); // counted, not built: notes come first
            String noExact = GreedyReturn.whyNoExactModel(size);
            if (noExact != null) {
                notes.note(noExact);
            }
            if (size != null && size.fitsHeap() && size.states() >= LARGE_MODEL_STATES) {
                notes.tell("building the exact model (" + size.states() + " joint states) for the greedy return ...");
            }
            this.model = GreedyReturn.modelOf(plan.workflow(), plan.kind(), size);
            this.componentsMeasurable = size != null && size.analysable();
            this.oracleReturn = GreedyReturn.oracleReturn(model);
            run.addListener(new TrainingListener() {
                @Override
                public void onWindow(TrainingWindow w) {
                    folderOf(w.algorithm()).ifPresent(f -> f.append(w));
                }

                @Override
                public void onComponents(Algorithm algorithm, ComponentReading reading) {
                    lastReadings.record(algorithm, reading);
                    folderOf(algorithm).ifPresent(f -> f.append(reading));
                }
            });
            run.addAfterChunk(this::checkpointIfDue);
            attachProbes();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** A fresh session: new learners for every algorithm and seed of {@code plan}. */
    public static TrainingSession create(TrainingPlan plan) {
        return create(plan, null);
    }

    /**
     * A fresh session that tells {@code progress} (null: nobody) what it notes while it is made: a model too large to
     * solve exactly, a long exact build. Tables that would not fit the heap are refused before the first is allocated.
     *
     * @throws dev.handoff.input.LimitExceededException when every seed's Q-tables together would not fit the heap
     */
    public static TrainingSession create(TrainingPlan plan, Consumer<String> progress) {
        for (Algorithm a : plan.algorithms()) {
            if (a != Algorithm.ICQ_NEURAL) { // every seed's tables at once: refused before the first is made
                SeedTrainer.requireTablesFit(plan.workflow(), plan.kind(), a, plan.seeds().size());
            }
        }
        List<SeedRun> made = new ArrayList<>();
        try {
            for (Algorithm a : plan.algorithms()) {
                for (long seed : plan.seeds()) {
                    made.add(SeedRuns.create(plan.workflow(), plan.kind(), a, seed, plan.handoffs(), plan.neural(), plan.recorded()));
                }
            }
        } catch (RuntimeException e) {
            made.forEach(SeedRun::close);
            throw e;
        }
        return new TrainingSession(plan, made, null, List.of(), progress);
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints (a damaged newest checkpoint falls back to the previous one,
     * noted in {@link #notes()}) to {@code budget} handoffs per seed (null: the run's own budget), appending to the same
     * folder; {@code settings} sets the rest of the plan (threads, checkpoints, ...). The result equals an uninterrupted
     * run bit for bit.
     *
     * @throws RunFolderException       when another process is still training in {@code runDir}, or it was learned from traces
     * @throws IllegalArgumentException when {@code budget} is below where the checkpoints are
     */
    public static TrainingSession resume(Path runDir, Long budget, java.util.function.UnaryOperator<TrainingPlan> settings)
            throws IOException, WorkflowLoadException {
        RunFolder folder = RunFolder.open(runDir);
        if (java.nio.file.Files.exists(runDir.resolve(RunFolder.OFFLINE_REPORT))) {
            throw new RunFolderException("the run in " + runDir + " was learned from traces: learn from them again "
                    + "(handoff learn, or File ▸ Learn from traces…) rather than resume it");
        }
        if (folder.isTraining()) {
            throw new RunFolderException("the run in " + runDir + " is still training (its process holds "
                    + RunLock.FILE + "): stop it first");
        }
        long total = budget != null ? budget : folder.handoffs();
        TrainingPlan plan = settings.apply(TrainingPlan.of(folder.workflow(), folder.kind(), List.of(folder.algorithm()),
                        folder.seeds(), total)
                .withNeural(folder.algorithm() == Algorithm.ICQ_NEURAL ? folder.neuralSettings() : null))
                .withOutput(TrainingPlan.Output.into(runDir));
        List<SeedRun> restored = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        Map<String, Long> at = new HashMap<>();
        try {
            for (long seed : folder.seeds()) {
                SeedRun t = folder.restore(seed, total, fallbacks);
                restored.add(t);
                at.put(key(t), t.handoffs());
                if (t.handoffs() > total) {
                    throw new IllegalArgumentException("seed " + seed + " of the run in " + runDir + " is already at "
                            + t.handoffs() + " handoffs: resume to at least that many");
                }
            }
        } catch (IOException | RuntimeException e) {
            restored.forEach(SeedRun::close);
            throw e;
        }
        return new TrainingSession(plan, restored, at, fallbacks, null);
    }

    private static String key(SeedRun t) {
        return LastReadings.key(t.algorithm(), t.seed());
    }

    /** Reads the error components of every seed that has them, at the plan's cadence (kinds with an exact model). */
    private void attachProbes() {
        long every = plan.components().every(plan.handoffs(), plan.workflow().training().evaluationWindowOrDefault());
        if (model == null || every <= 0 || !componentsMeasurable) {
            return;
        }
        ComponentAnalysis analysis = null;
        for (SeedRun t : trainers) {
            if (t.readsComponents()) {
                analysis = analysis != null ? analysis : ComponentAnalysis.of(plan.workflow());
                Algorithm a = t.algorithm();
                t.attachProbe(analysis, model, every, r -> run.publishComponents(a, r));
            }
        }
    }

    // ---- the run's life

    /**
     * Opens the run folders (locking them) and starts counting for periodic checkpoints; idempotent, and done by
     * {@link #runToEnd} and before the first step of a watched run.
     *
     * @throws RunFolderException when a folder the plan requires cannot be written (nothing has trained yet)
     */
    public synchronized void open() {
        if (opened) {
            return;
        }
        opened = true;
        handoffsAtOpen = run.handoffsDone();
        schedule.begin(trainers, System.nanoTime());
        TrainingPlan.Output output = plan.output();
        if (output.dir() == null) {
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (Algorithm a : plan.algorithms()) {
            Path dir = output.folderOf(a, stamp);
            SeedRun first = trainersOf(a).get(0);
            try {
                folders.put(a, restoredAt == null
                        ? RunFolderWriter.start(dir, plan.workflow(), a, plan.seeds(), plan.handoffs(), first)
                        : RunFolderWriter.resume(dir, plan.workflow(), a, plan.seeds(), plan.handoffs(), first,
                                (algo, seed) -> restoredAt.getOrDefault(algo + "/" + seed, -1L)));
            } catch (RunFolderException e) {
                if (output.required()) {
                    closeFolders();
                    throw e;
                }
                notes.note("training without a run folder for " + a.cliName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Trains every seed to the budget and finishes: the headless way ({@code handoff train}, {@code --resume}, sweeps).
     * A diverging seed ends the run as failed. Frees the learners' native memory before returning.
     */
    public Result runToEnd(Consumer<String> progress) throws InterruptedException {
        try {
            run.stopOnDivergence();
            open();
            if (progress != null) {
                notes.watch(progress);
                run.addListener(new ProgressLines(run, progress, handoffsAtOpen));
            }
            run.start();
            return new Result(finish(run.await()), trainers, notes.all());
        } finally {
            close();
        }
    }

    /** Writes every seed's checkpoint now (a paused run, with no trainer inside a chunk). */
    public void checkpointAll() {
        long now = System.nanoTime();
        for (SeedRun t : trainers) {
            RunFolderWriter f = folders.get(t.algorithm());
            if (f != null) {
                try {
                    f.checkpoint(t);
                    schedule.written(t, now);
                } catch (RuntimeException e) {
                    notes.note("no checkpoint for " + t.algorithm().cliName() + " seed " + t.seed() + ": " + e.getMessage());
                }
            }
        }
    }

    /** After each chunk, on the trainer's thread: the seed's periodic checkpoint when it is due. */
    private void checkpointIfDue(SeedRun t) {
        RunFolderWriter f = folders.get(t.algorithm());
        if (f != null && schedule.due(t, System.nanoTime())) {
            f.checkpoint(t); // a failure here (a full disk) ends the run as failed, with the reason
        }
    }

    /** Records a greedy-return point of a seed in its run folder ({@value RunFolderWriter#GREEDY_FILE}). */
    public void recordGreedyReturn(Algorithm algorithm, long seed, long handoffs, double greedyReturn) {
        folderOf(algorithm).ifPresent(f -> f.appendGreedyReturn(seed, handoffs, greedyReturn));
    }

    /**
     * Ends the session as the run ended ({@code end}): each algorithm's checkpoints and networks, then the greedy return
     * of every seed, the summaries, and the run folders' end state (failed, with the reason, when a seed diverged or a
     * file could not be written). Returns the summaries, one per algorithm; idempotent.
     */
    public synchronized List<TrainingSummary> finish(RunState end) {
        if (summaries != null) {
            return summaries;
        }
        List<TrainingSummary> out = new ArrayList<>();
        double secs = run.activeSeconds();
        for (Algorithm a : plan.algorithms()) {
            out.add(finishAlgorithm(a, end, secs));
        }
        summaries = List.copyOf(out);
        return summaries;
    }

    private TrainingSummary finishAlgorithm(Algorithm a, RunState end, double secs) {
        List<SeedRun> mine = trainersOf(a);
        RunFolderWriter folder = folders.get(a);
        String problem = null;
        if (folder != null) {
            try {
                folder.saveTrainers(mine); // before the greedy evaluation touches the learners
            } catch (IOException | RuntimeException e) {
                problem = "cannot write the run folder " + folder.dir() + ": " + RunFolderWriter.describe(e);
                notes.note(problem);
            }
        }
        if (model != null && model.stateCount() >= LARGE_MODEL_STATES) {
            notes.tell("evaluating the greedy policies exactly (" + model.stateCount() + " joint states) ...");
        }
        List<Double> returns = new ArrayList<>();
        for (SeedRun t : mine) {
            double j = GreedyReturn.of(t, model, plan.simulatedEpisodes());
            returns.add(j);
            if (folder != null && model != null && problem == null) {
                folder.endGreedyCurve(t.seed(), t.handoffs(), j); // a recorded curve ends where the seed stopped
            }
        }
        SeedStatistics stats = SeedStatistics.of(returns.stream().mapToDouble(Double::doubleValue).toArray());
        long done = 0;
        for (SeedRun t : mine) {
            done += t.handoffs() - (restoredAt == null ? 0 : restoredAt.getOrDefault(key(t), 0L));
        }
        String reason = problem != null ? problem : RunEnding.reason(end, run.message(), mine);
        // the seeds' budget: the plan's, unless a seed ended it sooner by design (offline learning at its fixed point)
        long budget = mine.stream().mapToLong(SeedRun::budget).max().orElse(plan.handoffs());
        TrainingSummary s = new TrainingSummary(a.cliName(), plan.seeds(), budget, stats.mean(), stats.ci95(),
                returns, GreedyReturn.evaluationKind(model), oracleReturn, oracleReturn == null ? null : oracleReturn - stats.mean(),
                lastReadings.mean(mine), secs, done / Math.max(secs, 1e-9), RunEnding.statusText(end, run.message(), problem),
                folder == null ? null : folder.dir().toString());
        if (folder != null) {
            try {
                folder.finish(RunEnding.manifestStatus(end, reason), reason, s);
            } catch (IOException | RuntimeException e) {
                notes.note("cannot finish the run folder " + folder.dir() + ": " + RunFolderWriter.describe(e));
            }
        }
        return s;
    }

    /** Frees the learners' native memory and unlocks run folders that were not finished (idempotent). */
    @Override
    public void close() {
        closeFolders();
        release();
    }

    private void closeFolders() {
        synchronized (folders) {
            folders.values().forEach(RunFolderWriter::close);
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            trainers.forEach(SeedRun::close);
        }
    }

    // ---- what it is

    public TrainingPlan plan() {
        return plan;
    }

    /** The seeds' trainers, in the plan's algorithm order, then seed order. */
    public List<SeedRun> trainers() {
        return trainers;
    }

    public List<SeedRun> trainersOf(Algorithm a) {
        return trainers.stream().filter(t -> t.algorithm() == a).toList();
    }

    /** The run that advances the trainers: pause, resume, step and cancel it; add listeners before it starts. */
    public TrainingRun run() {
        return run;
    }

    /** The workflow's finite model (kinds that have one), else null. */
    public FiniteSmdp model() {
        return model;
    }

    /** J* of the centralised optimum where the kind has a finite model, else null. */
    public Double oracleReturn() {
        return oracleReturn;
    }

    /** Whether the learners' native memory has been freed. */
    public boolean released() {
        return released.get();
    }

    /** Run folders by algorithm (those that could be written). */
    public Map<Algorithm, Path> runFolders() {
        Map<Algorithm, Path> m = new LinkedHashMap<>();
        synchronized (folders) {
            folders.forEach((a, f) -> m.put(a, f.dir()));
        }
        return m;
    }

    /** What the user should know about this session: checkpoints it fell back from, folders it could not write. */
    public List<String> notes() {
        return notes.all();
    }

    private java.util.Optional<RunFolderWriter> folderOf(Algorithm a) {
        return java.util.Optional.ofNullable(folders.get(a));
    }
}
