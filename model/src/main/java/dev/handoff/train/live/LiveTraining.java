package dev.handoff.train.live;

import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentReading;
import dev.handoff.components.ErrorComponents;
import dev.handoff.components.ViewEncodings;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.observe.InterfaceMaps;
import dev.handoff.metrics.SeedStatistics;
import dev.handoff.train.Algorithm;
import dev.handoff.train.GreedyReturn;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.NeuralSeedTrainer;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunState;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedTrainer;
import dev.handoff.train.TrainingListener;
import dev.handoff.train.TrainingRun;
import dev.handoff.train.TrainingSummary;
import dev.handoff.train.TrainingWindow;
import dev.handoff.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A training run the workbench watches: the learners of a {@link TrainingMode} on the same seeds, advanced by a
 * {@link TrainingRun} on its own threads. Trainer threads only copy into fixed-size {@link WindowRing}s (windows,
 * greedy returns, activity); a reader drains the rings at its own pace. The full-resolution record is the run folder's
 * {@code metrics.csv}: no window is kept in memory past the rings, so a run of any length holds the same heap (issue 13).
 * Slow speeds are paced between small steps by a separate thread, so the hot loop's per-handoff cost never changes.
 * For kinds with an exact model the IC-Q and independent learners carry a {@link dev.handoff.components.ComponentProbe}
 * read {@link HeadlessTraining#COMPONENT_READINGS} times over the budget (more often for very long budgets). Neural learners hold DJL networks: they train
 * on one thread and are closed when the run ends or is stopped. Never touches a UI toolkit.
 */
public final class LiveTraining {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTraining.class);
    private static final long PACE_TICK_NANOS = 50_000_000L;
    private static final long MIN_EVALUATION_GAP_NANOS = 250_000_000L;
    /**
     * Episodes simulated per seed for the final greedy return where no exact model exists: a tenth of the CLI's
     * {@link HeadlessTraining#SIMULATED_EPISODES}, so the summary appears within a second of the end of a run.
     */
    public static final long SIMULATED_EPISODES = HeadlessTraining.SIMULATED_EPISODES / 10;

    /** What to train. {@code runsRoot} null: keep no run folder; {@code neural} null: the workflow's network settings. */
    public record Request(Workflow workflow, EnvironmentKind kind, TrainingMode mode, List<Long> seeds, long handoffs,
                          int parallelism, Path runsRoot, NeuralSettings neural) {
        public Request(Workflow workflow, EnvironmentKind kind, TrainingMode mode, List<Long> seeds, long handoffs,
                       int parallelism, Path runsRoot) {
            this(workflow, kind, mode, seeds, handoffs, parallelism, runsRoot, null);
        }
    }

    /** The user-facing life of a live run (paced steps are not pauses). */
    public record Status(RunState state, String message, long handoffsDone, long handoffsBudget, double activeSeconds) {
        public double handoffsPerSecond() {
            return activeSeconds <= 0 ? 0 : handoffsDone / activeSeconds;
        }

        /** Seconds to go at the current rate, or NaN. */
        public double etaSeconds() {
            double rate = handoffsPerSecond();
            return rate <= 0 ? Double.NaN : (handoffsBudget - handoffsDone) / rate;
        }
    }

    private final Request request;
    private final RunFolder resumeFrom; // null: a fresh run
    private final List<SeedRun> trainers = new ArrayList<>();
    private final TrainingRun run;
    private final FiniteSmdp model;
    private final Double oracleReturn;
    private final long evaluateEvery;
    private final Map<SeedRun, Long> nextEvaluation = new ConcurrentHashMap<>();
    private final Map<SeedRun, Long> lastEvaluationNanos = new ConcurrentHashMap<>();
    private final WindowRing<TrainingWindow> windows = new WindowRing<>(8192);
    private final WindowRing<GreedyPoint> greedy = new WindowRing<>(4096);
    private final WindowRing<ActivitySample> activity = new WindowRing<>(1024);
    private final WindowRing<ComponentPoint> components = new WindowRing<>(4096);
    private final Map<String, ComponentReading> lastReading = new ConcurrentHashMap<>();
    private final ViewEncodings encodings;
    private final float[][][] neuralViews; // per agent, per interface key: ψ(z) for neural Q snapshots (null: tabular)
    private final AtomicBoolean released = new AtomicBoolean();
    private final List<GreedyPoint> greedyHistory = Collections.synchronizedList(new ArrayList<>());
    private final Map<Algorithm, QSnapshot> latestQ = new ConcurrentHashMap<>();
    private final Map<Algorithm, LiveRunFolder> folders = new EnumMap<>(Algorithm.class);
    private final long[] lastVisits;
    private volatile double pace; // handoffs per second per seed; 0 = full speed
    private volatile boolean userPaused;
    private volatile RunState shownState = RunState.READY;
    private volatile String shownMessage = "ready";
    private volatile boolean closed;
    private volatile List<TrainingSummary> summaries = List.of();
    private Thread pacer;
    private volatile boolean episodeStepping;
    private volatile EpisodeStep lastEpisodeStep;
    private final Object clock = new Object();
    private long runningSince;
    private long activeNanos;

    public LiveTraining(Request request) {
        this(request, null);
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints to {@code budget} handoffs per seed (null: its own budget),
     * appending to the same folder as {@code handoff train --resume} does: rows after the checkpoints are dropped from
     * {@code metrics.csv}, and the run ends bit-identical to an uninterrupted one.
     */
    public static LiveTraining resume(Path runDir, Long budget, int parallelism) throws java.io.IOException,
            dev.handoff.workflow.WorkflowLoadException {
        RunFolder folder = RunFolder.open(runDir);
        long total = budget != null ? budget : folder.handoffs();
        TrainingMode mode = java.util.Arrays.stream(TrainingMode.values())
                .filter(m -> m.algorithms().equals(List.of(folder.algorithm()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no training mode runs " + folder.algorithm()));
        NeuralSettings neural = folder.algorithm() == Algorithm.ICQ_NEURAL ? folder.neuralSettings() : null;
        return new LiveTraining(new Request(folder.workflow(), folder.kind(), mode, folder.seeds(), total, parallelism,
                runDir.getParent(), neural), folder);
    }

    private LiveTraining(Request request, RunFolder resumeFrom) {
        this.request = request;
        this.resumeFrom = resumeFrom;
        NeuralSettings neural = request.neural() == null ? NeuralSettings.of(request.workflow().training()) : request.neural();
        try {
            for (Algorithm a : request.mode().algorithms()) {
                for (long seed : request.seeds()) {
                    if (resumeFrom != null) {
                        trainers.add(a == Algorithm.ICQ_NEURAL ? resumeFrom.restoreNeural(seed, request.handoffs())
                                : resumeFrom.restore(seed, request.handoffs()));
                        continue;
                    }
                    trainers.add(a == Algorithm.ICQ_NEURAL
                            ? new NeuralSeedTrainer(request.workflow(), request.kind(), neural, a, seed, request.handoffs())
                            : new SeedTrainer(request.workflow(), request.kind(), a, seed, request.handoffs()));
                }
            }
        } catch (java.io.IOException e) {
            release();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        // one gradient collector per process: neural seeds take turns on a single trainer thread
        this.run = new TrainingRun(trainers, request.mode().neural() ? 1 : request.parallelism());
        try {
            this.model = GreedyReturn.modelOf(request.workflow(), request.kind());
            this.encodings = model != null && request.mode().neural() ? ViewEncodings.of(request.workflow(), model) : null;
            this.neuralViews = request.mode().neural() ? neuralViews(request.workflow()) : null;
        } catch (RuntimeException e) {
            release(); // the networks are already allocated
            throw e;
        }
        this.oracleReturn = GreedyReturn.oracleReturn(model);
        this.evaluateEvery = Math.max(10_000, request.handoffs() / 150);
        this.lastVisits = new long[request.workflow().agents().size()];
        trainers.forEach(t -> nextEvaluation.put(t, 0L));
        run.addListener(new TrainingListener() {
            @Override
            public void onWindow(TrainingWindow w) {
                windows.offer(w);
                LiveRunFolder f = folders.get(w.algorithm());
                if (f != null) {
                    f.append(w);
                }
                SeedRun first = trainers.get(0);
                if (!(first instanceof SeedTrainer) && w.seed() == first.seed() && w.algorithm() == first.algorithm()) {
                    activity.offer(new ActivitySample(w.handoffs(), w.decisionsByAgent().clone()));
                }
            }

            @Override
            public void onComponents(Algorithm algorithm, ComponentReading reading) {
                ComponentPoint p = new ComponentPoint(algorithm, reading);
                components.offer(p);
                lastReading.put(algorithm.cliName() + "/" + reading.seed(), reading);
                LiveRunFolder f = folders.get(algorithm);
                if (f != null) {
                    f.append(reading);
                }
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                onRunState(state, message);
            }
        });
        run.setAfterChunk(this::afterChunk);
        if (model != null && GreedyReturn.componentsMeasurable(request.workflow(), request.kind())) {
            try {
                attachProbes();
            } catch (RuntimeException e) {
                release();
                throw e;
            }
        }
    }

    /**
     * Every IC-Q (tabular or neural) and independent seed reads its error components {@link
     * HeadlessTraining#COMPONENT_READINGS} times over the budget, as {@code handoff train} does; the oracle learns on
     * the joint state and has none.
     */
    private void attachProbes() {
        ComponentAnalysis analysis = ComponentAnalysis.of(request.workflow());
        long every = componentCadence(request);
        for (SeedRun t : trainers) {
            Algorithm a = t.algorithm();
            if (a == Algorithm.ORACLE) {
                continue;
            }
            java.util.function.Consumer<ComponentReading> publish = r -> run.publishComponents(a, r);
            if (t instanceof SeedTrainer tabular) {
                tabular.attachProbe(analysis.probe(ComponentAnalysis.TABULAR, t.seed()), model, every, publish);
            } else if (t instanceof NeuralSeedTrainer n) {
                n.attachProbe(analysis.probe(n.settings().width(), t.seed()), encodings, model, every, publish);
            }
        }
    }

    /**
     * Handoffs between error-component readings: {@link HeadlessTraining#COMPONENT_READINGS} over the budget, but at
     * least one every {@link #MAX_WINDOWS_PER_READING} evaluation windows, so long budgets still show them live.
     */
    static long componentCadence(Request request) {
        long window = request.workflow().training().evaluationWindowOrDefault();
        return Math.max(1, Math.min(request.handoffs() / HeadlessTraining.COMPONENT_READINGS, MAX_WINDOWS_PER_READING * window));
    }

    /** At most this many evaluation windows pass between two error-component readings of a seed. */
    static final long MAX_WINDOWS_PER_READING = 10;

    private static float[][][] neuralViews(Workflow w) {
        List<InterfaceMap> maps = InterfaceMaps.compile(w);
        float[][][] out = new float[maps.size()][][];
        for (int i = 0; i < maps.size(); i++) {
            int keys = Math.min(maps.get(i).viewCount(), MAX_SNAPSHOT_VIEWS);
            out[i] = new float[keys][];
            for (int k = 0; k < keys; k++) {
                out[i][k] = ViewEncodings.encode(maps.get(i), k);
            }
        }
        return out;
    }

    /** Views per agent a neural Q snapshot evaluates (the tabular tables are copied whole). */
    static final int MAX_SNAPSHOT_VIEWS = 4096;

    // ---- commands

    /** Starts training (at the current pace); opens the run folders. */
    public synchronized void start() {
        if (run.state() != RunState.READY || shownState != RunState.READY) {
            return;
        }
        openFolders();
        userPaused = false;
        show(RunState.RUNNING, "training");
        startPacer();
        if (pace <= 0) {
            run.start();
        }
        Thread finisher = new Thread(this::finishWhenDone, "handoff-live-finisher");
        finisher.setDaemon(true);
        finisher.start();
    }

    /**
     * Pauses; once no trainer thread is inside a chunk, every seed's checkpoint is written to the run folders (off the
     * caller's thread), so a paused run can be resumed later even if the workbench is closed.
     */
    public synchronized void pause() {
        if (shownState == RunState.RUNNING) {
            userPaused = true;
            run.pause();
            show(RunState.PAUSED, "paused");
            if (!folders.isEmpty()) {
                // a zero-handoff step pauses the run again only once no worker is busy: the quiescent point
                run.step(0);
                Thread t = new Thread(this::checkpointWhenQuiet, "handoff-live-pause-checkpoint");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    /** A pause's zero-handoff step still waiting for a busy worker becomes a plain pause, so commands apply at once. */
    private void settleQuietStep() {
        if (run.state() == RunState.RUNNING) {
            run.pause();
        }
    }

    /** Message {@link TrainingRun} gives the pause it enters when a step is done and no worker is busy. */
    private static final String QUIET_PAUSE = "paused after step";

    /** Checkpoint count written at pauses (for tests and the status line). */
    private final java.util.concurrent.atomic.AtomicInteger pauseCheckpoints = new java.util.concurrent.atomic.AtomicInteger();

    /** How many times a pause has written every seed's checkpoint. */
    public int pauseCheckpoints() {
        return pauseCheckpoints.get();
    }

    private void checkpointWhenQuiet() {
        try {
            while (true) {
                synchronized (this) { // step/resume/stop cannot restart workers while the checkpoints are written
                    if (shownState != RunState.PAUSED || closed || run.state().isTerminal()) {
                        return;
                    }
                    if (run.state() == RunState.PAUSED && QUIET_PAUSE.equals(run.message())) {
                        for (Algorithm a : request.mode().algorithms()) {
                            LiveRunFolder f = folders.get(a);
                            if (f != null) {
                                f.checkpoint(trainers.stream().filter(t -> t.algorithm() == a).toList());
                            }
                        }
                        pauseCheckpoints.incrementAndGet();
                        return;
                    }
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void resume() {
        if (shownState == RunState.PAUSED || shownState == RunState.DIVERGED) {
            userPaused = false;
            show(RunState.RUNNING, "training");
            settleQuietStep();
            if (pace <= 0) {
                run.resume();
            }
        }
    }

    /** While paused (or before starting): every seed advances {@code handoffs} handoffs, then pauses again. */
    public synchronized void step(long handoffs) {
        prepareStepping();
        if (shownState == RunState.PAUSED && !episodeStepping) {
            settleQuietStep();
            run.step(handoffs);
        }
    }

    /**
     * While paused (or before starting): every seed advances one handoff at a time until the first seed's artifact is
     * handed to STOP, i.e. one episode of the first seed (at most {@code maxHandoffs}). Returns at once; the steps run on
     * their own thread and {@link #lastEpisodeStep()} reports the outcome. A tabular first seed says which action it just
     * took through its visit tables, a neural one through its count of finished episodes.
     */
    public synchronized void stepEpisode(int maxHandoffs) {
        prepareStepping();
        if (shownState != RunState.PAUSED || episodeStepping || run.state().isTerminal()) {
            return;
        }
        episodeStepping = true;
        Thread t = new Thread(() -> stepOneEpisode(maxHandoffs), "handoff-live-episode-step");
        t.setDaemon(true);
        t.start();
    }

    /** The outcome of the last {@link #stepEpisode}: handoffs taken, and whether the episode reached STOP. */
    public record EpisodeStep(long handoffs, boolean reachedStop) {
    }

    /** Null before any episode step, or while one is running. */
    public EpisodeStep lastEpisodeStep() {
        return episodeStepping ? null : lastEpisodeStep;
    }

    private void prepareStepping() {
        if (shownState == RunState.READY) {
            openFolders();
            userPaused = true;
            show(RunState.PAUSED, "stepping");
            startPacer();
            Thread finisher = new Thread(this::finishWhenDone, "handoff-live-finisher");
            finisher.setDaemon(true);
            finisher.start();
        }
    }

    private void stepOneEpisode(int maxHandoffs) {
        SeedRun first = trainers.get(0);
        SeedTrainer tabular = first instanceof SeedTrainer t ? t : null;
        NeuralSeedTrainer neural = first instanceof NeuralSeedTrainer n ? n : null;
        long[][] before = tabular == null ? null : new long[tabular.agentCount()][];
        long taken = 0;
        boolean stop = false;
        try {
            while (taken < maxHandoffs && !stop && shownState == RunState.PAUSED && !first.finished()
                    && first.divergence() == null) {
                RunState s = run.state(); // the run's lock makes the trainers' last writes visible
                if (s != RunState.PAUSED && s != RunState.READY) {
                    Thread.sleep(1);
                    continue;
                }
                if (tabular != null) {
                    for (int i = 0; i < before.length; i++) {
                        before[i] = tabular.learner(i).visitTable().clone();
                    }
                }
                long episodesBefore = neural == null ? 0 : neural.episodes();
                long target = first.handoffs() + 1;
                run.step(1);
                while (!(run.state() == RunState.PAUSED && first.handoffs() >= target)) {
                    if (run.state().isTerminal() || run.state() == RunState.DIVERGED) {
                        return;
                    }
                    Thread.sleep(0, 200_000);
                }
                taken++;
                stop = tabular != null ? handedToStop(tabular, before)
                        : neural != null && neural.episodes() > episodesBefore;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lastEpisodeStep = new EpisodeStep(taken, stop);
            episodeStepping = false;
        }
    }

    /** Whether the action whose visit count rose since {@code before} (the one just taken) handed the artifact to STOP. */
    private static boolean handedToStop(SeedTrainer t, long[][] before) {
        for (int i = 0; i < before.length; i++) {
            long[] after = t.learner(i).visitTable();
            int actions = t.learner(i).actionCount();
            for (int k = 0; k < after.length; k++) {
                if (after[k] != before[i][k]) {
                    return t.environment().target(i, k % actions) == dev.handoff.env.HandoffEnvironment.STOP;
                }
            }
        }
        return false;
    }

    /** Stops for good; the run folders get their checkpoints and summaries. */
    public synchronized void stop() {
        if (run.state() == RunState.READY) {
            show(RunState.CANCELLED, "stopped before it started");
            closed = true;
            release();
            return;
        }
        run.cancel();
    }

    /** Handoffs per second per seed; 0 or less is full speed. */
    public synchronized void setPace(double handoffsPerSecond) {
        double old = pace;
        pace = Math.max(0, handoffsPerSecond);
        if (shownState == RunState.RUNNING && !userPaused) {
            if (old <= 0 && pace > 0) {
                run.pause(); // the pacer steps from here
            } else if (old > 0 && pace <= 0) {
                run.resume();
            }
        }
    }

    // ---- what readers see

    public Status status() {
        return new Status(shownState, shownMessage, run.handoffsDone(), run.handoffsBudget(), activeSeconds());
    }

    /** Seconds the user has had this run training (pauses excluded; paced steps and the waits between them included). */
    private double activeSeconds() {
        synchronized (clock) {
            return (activeNanos + (runningSince > 0 ? System.nanoTime() - runningSince : 0)) / 1e9;
        }
    }

    public WindowRing<TrainingWindow> windows() {
        return windows;
    }

    public WindowRing<GreedyPoint> greedyReturns() {
        return greedy;
    }

    public WindowRing<ActivitySample> activity() {
        return activity;
    }

    /** Error-component readings (kinds with an exact model; empty otherwise), drained by one reader. */
    public WindowRing<ComponentPoint> components() {
        return components;
    }

    /**
     * The seeds' trainers (all learners, in mode order then seed order). Read their learners only while the run is
     * paused or has ended; neural ones are closed once the run has ended.
     */
    public List<SeedRun> trainers() {
        return List.copyOf(trainers);
    }

    /** Whether the neural learners' networks have been freed (the run ended or was stopped). */
    public boolean released() {
        return released.get();
    }

    /** Every greedy-return evaluation so far (copy). */
    public List<GreedyPoint> greedyHistory() {
        synchronized (greedyHistory) {
            return new ArrayList<>(greedyHistory);
        }
    }

    /** The latest Q tables of the first seed of {@code algorithm}, or null before its first chunk. */
    public QSnapshot latestQ(Algorithm algorithm) {
        return latestQ.get(algorithm);
    }

    /** J* of the centralised optimum where the kind has a finite model, else null. */
    public Double oracleReturn() {
        return oracleReturn;
    }

    /** Whether greedy returns are exact (finite model) rather than absent. */
    public boolean hasExactModel() {
        return model != null;
    }

    public Request request() {
        return request;
    }

    public List<Algorithm> algorithms() {
        return request.mode().algorithms();
    }

    /** Run folders by algorithm (empty when no runs root was given). */
    public Map<Algorithm, Path> runFolders() {
        Map<Algorithm, Path> m = new LinkedHashMap<>();
        folders.forEach((a, f) -> m.put(a, f.dir()));
        return m;
    }

    /** Final summaries, one per algorithm, once the run has ended. */
    public List<TrainingSummary> summaries() {
        return summaries;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- internals

    /** Called on trainer threads too (inside the run's lock), so it takes only the clock's own lock. */
    private void show(RunState s, String message) {
        synchronized (clock) {
            if (s == RunState.RUNNING && runningSince == 0) {
                runningSince = System.nanoTime();
            } else if (s != RunState.RUNNING && runningSince > 0) {
                activeNanos += System.nanoTime() - runningSince;
                runningSince = 0;
            }
        }
        shownMessage = message;
        shownState = s;
    }

    private void onRunState(RunState state, String message) {
        switch (state) {
            case DIVERGED -> {
                userPaused = true;
                show(RunState.DIVERGED, "training paused: " + message);
            }
            case FAILED -> show(RunState.FAILED, message);
            case FINISHED, CANCELLED -> { } // the finisher shows these once the folders are written
            default -> { }
        }
    }

    private void openFolders() {
        if (request.runsRoot() == null || !folders.isEmpty()) {
            return;
        }
        if (resumeFrom != null) {
            Map<String, Long> restoredAt = new java.util.HashMap<>();
            trainers.forEach(t -> restoredAt.put(t.algorithm().cliName() + "/" + t.seed(), t.handoffs()));
            try {
                folders.put(resumeFrom.algorithm(), new LiveRunFolder(resumeFrom.dir(), request.workflow(),
                        resumeFrom.algorithm(), request.seeds(), request.handoffs(), request.neural(),
                        (algo, seed) -> restoredAt.getOrDefault(algo + "/" + seed, -1L)));
            } catch (RuntimeException e) {
                LOG.warn("cannot reopen run folder {}: {}", resumeFrom.dir(), e.toString());
            }
            return;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (Algorithm a : request.mode().algorithms()) {
            Path dir = request.runsRoot().resolve(stamp + "-" + a.cliName());
            try {
                folders.put(a, new LiveRunFolder(dir, request.workflow(), a, request.seeds(), request.handoffs(),
                        request.neural()));
            } catch (RuntimeException e) {
                LOG.warn("cannot write run folder {}: {}", dir, e.toString());
            }
        }
    }

    /** On a trainer thread between chunks: greedy return, Q snapshot, activity. Nothing here runs per handoff. */
    private void afterChunk(SeedRun t) {
        boolean first = t.seed() == request.seeds().get(0);
        long due = nextEvaluation.getOrDefault(t, 0L);
        long now = System.nanoTime();
        // evaluations are spaced in handoffs and, after the first tenth of the budget (where curves move fastest), in
        // time too, so at full speed they never cost the trainer much
        boolean early = t.handoffs() <= request.handoffs() / 10;
        if ((t.handoffs() >= due && (early || now - lastEvaluationNanos.getOrDefault(t, 0L) >= MIN_EVALUATION_GAP_NANOS))
                || t.finished()) {
            nextEvaluation.put(t, t.handoffs() + evaluateEvery);
            lastEvaluationNanos.put(t, now);
            if (model != null) {
                try {
                    double j = GreedyReturn.of(request.workflow(), request.kind(), t, model, 0);
                    GreedyPoint p = new GreedyPoint(t.algorithm(), t.seed(), t.handoffs(), j);
                    greedyHistory.add(p);
                    greedy.offer(p);
                    LiveRunFolder f = folders.get(t.algorithm());
                    if (f != null) {
                        f.append(p); // greedy.csv: the Runs panel overlays this curve later
                    }
                } catch (RuntimeException e) {
                    LOG.debug("greedy evaluation failed", e);
                }
            }
            if (first) {
                latestQ.put(t.algorithm(), snapshot(t));
            }
        }
        if (first && t == trainers.get(0)) {
            sampleActivity(t);
        }
    }

    private QSnapshot snapshot(SeedRun run) {
        if (run instanceof NeuralSeedTrainer n) {
            return neuralSnapshot(n);
        }
        SeedTrainer t = (SeedTrainer) run;
        int n = t.agentCount();
        double[][] q = new double[n][];
        long[][] v = new long[n][];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            TabularQLearner l = t.learner(i);
            q[i] = l.table().clone();
            v[i] = l.visitTable().clone();
            actions[i] = l.actionCount();
        }
        return new QSnapshot(t.algorithm(), t.seed(), t.handoffs(), q, v, actions);
    }

    /** Q of a neural seed on every interface view (up to {@link #MAX_SNAPSHOT_VIEWS}) from the plain-Java mirrors. */
    private QSnapshot neuralSnapshot(NeuralSeedTrainer t) {
        int n = t.agentCount();
        double[][] q = new double[n][];
        long[][] v = new long[n][];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            NeuralQLearner l = t.learner(i);
            int k = l.actionCount();
            float[] row = new float[k];
            q[i] = new double[neuralViews[i].length * k];
            v[i] = new long[q[i].length]; // networks keep no visit counts
            for (int z = 0; z < neuralViews[i].length; z++) {
                l.qValues(neuralViews[i][z], row);
                for (int a = 0; a < k; a++) {
                    q[i][z * k + a] = row[a];
                }
            }
            actions[i] = k;
        }
        return new QSnapshot(t.algorithm(), t.seed(), t.handoffs(), q, v, actions);
    }

    private void sampleActivity(SeedRun run) {
        if (!(run instanceof SeedTrainer t)) {
            return; // neural runs sample activity from their windows
        }
        long[] delta = new long[lastVisits.length];
        for (int i = 0; i < lastVisits.length; i++) {
            long sum = 0;
            for (long c : t.learner(i).visitTable()) {
                sum += c;
            }
            delta[i] = sum - lastVisits[i];
            lastVisits[i] = sum;
        }
        activity.offer(new ActivitySample(t.handoffs(), delta));
    }

    private synchronized void startPacer() {
        if (pacer != null) {
            return;
        }
        pacer = new Thread(this::paceLoop, "handoff-live-pacer");
        pacer.setDaemon(true);
        pacer.start();
    }

    /** At slow speeds: a step of a few handoffs every tick, so each seed moves at about {@code pace} handoffs/s. */
    private void paceLoop() {
        double owed = 0;
        long last = System.nanoTime();
        while (!closed) {
            double p = pace;
            long now = System.nanoTime();
            if (p > 0 && !userPaused && shownState == RunState.RUNNING) {
                owed += p * (now - last) / 1e9;
                RunState s = run.state();
                if (owed >= 1 && (s == RunState.PAUSED || s == RunState.READY)) {
                    long k = (long) owed;
                    owed -= k;
                    run.step(k);
                }
                owed = Math.min(owed, Math.max(1, p)); // never bank more than a second's worth
            } else {
                owed = 0;
            }
            last = now;
            try {
                Thread.sleep(PACE_TICK_NANOS / 1_000_000L / (p > 40 ? 1 : 2));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void finishWhenDone() {
        RunState end;
        try {
            while (run.state() == RunState.READY && !closed) {
                Thread.sleep(20);
            }
            if (closed) {
                return;
            }
            end = run.await();
        } catch (InterruptedException e) {
            return;
        }
        try {
            finish(end);
        } finally {
            release();
        }
    }

    /** Frees the neural learners' networks once no trainer thread uses them (idempotent). */
    private void release() {
        if (released.compareAndSet(false, true)) {
            for (SeedRun t : trainers) {
                if (t instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        LOG.warn("closing a trainer failed", e);
                    }
                }
            }
        }
    }

    private void finish(RunState end) {
        List<TrainingSummary> result = new ArrayList<>();
        String statusText = end == RunState.FINISHED ? "finished" : end.name().toLowerCase() + ": " + run.message();
        for (Algorithm a : request.mode().algorithms()) {
            List<SeedRun> mine = trainers.stream().filter(t -> t.algorithm() == a).toList();
            LiveRunFolder folder = folders.get(a);
            if (folder != null) {
                folder.saveTrainers(mine); // before the greedy evaluation, as handoff train does
            }
            List<Double> returns = new ArrayList<>();
            for (SeedRun t : mine) {
                returns.add(GreedyReturn.of(request.workflow(), request.kind(), t, model,
                        model == null ? SIMULATED_EPISODES : 0));
            }
            SeedStatistics stats = SeedStatistics.of(returns.stream().mapToDouble(Double::doubleValue).toArray());
            long done = mine.stream().mapToLong(SeedRun::handoffs).sum();
            double secs = run.activeSeconds();
            LiveRunFolder f = folders.get(a);
            TrainingSummary s = new TrainingSummary(a.cliName(), request.seeds(), request.handoffs(), stats.mean(), stats.ci95(),
                    returns, GreedyReturn.evaluationKind(model), oracleReturn,
                    oracleReturn == null ? null : oracleReturn - stats.mean(), meanComponents(a), secs, done / Math.max(secs, 1e-9), statusText,
                    f == null ? null : f.dir().toString());
            result.add(s);
            if (f != null) {
                try {
                    f.finish(mine, s);
                } catch (Exception e) {
                    LOG.warn("cannot finish run folder {}: {}", f.dir(), e.toString());
                }
            }
        }
        summaries = List.copyOf(result);
        StringBuilder msg = new StringBuilder(end == RunState.FINISHED ? "finished" : end == RunState.CANCELLED ? "stopped"
                : "failed: " + run.message());
        for (TrainingSummary s : result) {
            msg.append(" · ").append(s.algo()).append(" J = ")
                    .append(dev.handoff.metrics.IntervalText.meanCi(s.meanReturn(), s.meanReturnCi95(), s.seeds().size(), 3));
        }
        if (oracleReturn != null) {
            msg.append(String.format(java.util.Locale.ROOT, " (J* = %.3f)", oracleReturn));
        }
        show(end, msg.toString());
        closed = true; // last: a reader that sees "closed" also sees the final state and message
    }

    /** The mean over seeds of {@code a}'s last error-component readings (the CLI summary's fields), or null. */
    private Map<String, Object> meanComponents(Algorithm a) {
        List<ErrorComponents> last = new ArrayList<>();
        lastReading.forEach((key, r) -> {
            if (key.startsWith(a.cliName() + "/")) {
                last.add(r.components());
            }
        });
        return ErrorComponents.meanByName(last);
    }
}
