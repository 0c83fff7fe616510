package dev.handoff.train.live;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.metrics.IntervalText;
import dev.handoff.train.Algorithm;
import dev.handoff.train.Checkpointing;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.RecordedHandoffs;
import dev.handoff.train.RunState;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.train.TrainingPlan;
import dev.handoff.train.TrainingRun;
import dev.handoff.train.TrainingSession;
import dev.handoff.train.TrainingSummary;
import dev.handoff.train.TrainingWindow;
import dev.handoff.workflow.Workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training run the workbench watches: a {@link TrainingSession} of the learners of a {@link TrainingMode} on the same
 * seeds, driven by user commands (start, pause, step, step one episode, slow pace, stop) instead of run to the end.
 * What it shows is in a {@link LiveFeed} the trainer threads fill and a reader drains (bounded: the full-resolution
 * record is the run folder's {@code metrics.csv}, so a run of any length holds the same heap, issue 13); slow speeds are paced between
 * small steps by a {@link LivePacer}, so the hot loop's per-handoff cost never changes. A pause writes every seed's
 * checkpoint once no trainer is inside a chunk; a diverging seed pauses the run with a message saying where. A
 * {@link TrainingMode#FROM_TRACES} run learns offline from the agents' own traces, a round per window. Neural
 * learners train on one thread and are freed when the run ends or is stopped. Never touches a UI toolkit.
 */
public final class LiveTraining {
    /**
     * Episodes simulated per seed for the final greedy return where no exact model exists: a tenth of the CLI's
     * {@link TrainingPlan#SIMULATED_EPISODES}, so the summary appears within a second of the end of a run.
     */
    public static final long SIMULATED_EPISODES = TrainingPlan.SIMULATED_EPISODES / 10;

    /**
     * What to train. {@code runsRoot} null: keep no run folder; {@code neural} null: the workflow's network settings;
     * {@code recorded}: the handoffs a {@link TrainingMode#FROM_TRACES} run learns from (null for every other mode).
     */
    public record Request(Workflow workflow, EnvironmentKind kind, TrainingMode mode, List<Long> seeds, long handoffs,
                          int parallelism, Path runsRoot, NeuralSettings neural, RecordedHandoffs recorded) {
        public Request {
            if (mode.fromTraces() != (recorded != null)) {
                throw new IllegalArgumentException(mode.fromTraces()
                        ? "open a folder of the agents' traces first (File ▸ Learn from traces…)"
                        : "recorded traces are learned from in the " + TrainingMode.FROM_TRACES + " mode only");
            }
        }

        public Request(Workflow workflow, EnvironmentKind kind, TrainingMode mode, List<Long> seeds, long handoffs,
                       int parallelism, Path runsRoot, NeuralSettings neural) {
            this(workflow, kind, mode, seeds, handoffs, parallelism, runsRoot, neural, null);
        }

        public Request(Workflow workflow, EnvironmentKind kind, TrainingMode mode, List<Long> seeds, long handoffs,
                       int parallelism, Path runsRoot) {
            this(workflow, kind, mode, seeds, handoffs, parallelism, runsRoot, null, null);
        }

        /** A run of IC-Q learning offline from {@code recorded} (one seed, its whole budget of rounds). */
        public static Request fromTraces(Workflow workflow, EnvironmentKind kind, RecordedHandoffs recorded, Path runsRoot) {
            return new Request(workflow, kind, TrainingMode.FROM_TRACES, List.of(1L), recorded.budget(), 1, runsRoot, null,
                    recorded);
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

    /** The outcome of the last {@link #stepEpisode}: handoffs taken, and whether the episode reached STOP. */
    public record EpisodeStep(long handoffs, boolean reachedStop) {
    }

    private final Request request;
    private final TrainingSession session;
    private final TrainingRun run;
    private final LiveFeed feed;
    private final LivePacer pacer;
    private final EpisodeStepper episodes;
    private final PauseCheckpoints pauseCheckpoints;
    private final ShownState shown = new ShownState();
    private volatile boolean userPaused;
    private volatile boolean closed;
    private volatile List<TrainingSummary> summaries = List.of();

    public LiveTraining(Request request) {
        this(request, TrainingSession.create(planOf(request)));
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints to {@code budget} handoffs per seed (null: its own budget),
     * appending to the same folder as {@code handoff train --resume} does: rows after the checkpoints are dropped from
     * {@code metrics.csv}, and the run ends bit-identical to an uninterrupted one.
     */
    public static LiveTraining resume(Path runDir, Long budget, int parallelism) throws java.io.IOException,
            dev.handoff.workflow.WorkflowLoadException {
        TrainingSession session = TrainingSession.resume(runDir, budget,
                p -> live(p.withParallelism(p.algorithms().contains(Algorithm.ICQ_NEURAL) ? 1 : parallelism)));
        TrainingPlan p = session.plan();
        TrainingMode mode = java.util.Arrays.stream(TrainingMode.values()).filter(m -> m.algorithms().equals(p.algorithms()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no training mode runs " + p.algorithms()));
        return new LiveTraining(new Request(p.workflow(), p.kind(), mode, p.seeds(), p.handoffs(), parallelism,
                runDir.getParent(), p.neural()), session);
    }

    private static TrainingPlan planOf(Request r) {
        // one gradient collector per process: neural seeds take turns on a single trainer thread
        TrainingPlan p = TrainingPlan.of(r.workflow(), r.kind(), r.mode().algorithms(), r.seeds(), r.handoffs())
                .withParallelism(r.mode().neural() ? 1 : r.parallelism()).withNeural(r.neural())
                .withOutput(r.runsRoot() == null ? TrainingPlan.Output.NONE : TrainingPlan.Output.stampedUnder(r.runsRoot()))
                .withRecorded(r.recorded());
        return live(p);
    }

    /** What a watched run does differently from {@code handoff train}: components shown often, a quick final estimate. */
    private static TrainingPlan live(TrainingPlan p) {
        return p.withComponents(TrainingPlan.ComponentCadence.LIVE).withSimulatedEpisodes(SIMULATED_EPISODES)
                .withCheckpointing(Checkpointing.defaults());
    }

    private LiveTraining(Request request, TrainingSession session) {
        this.request = request;
        this.session = session;
        this.run = session.run();
        this.feed = new LiveFeed(session);
        this.pacer = new LivePacer(run, () -> !userPaused && shown.is(RunState.RUNNING), () -> closed);
        this.episodes = new EpisodeStepper(run, session.trainers().get(0), () -> shown.is(RunState.PAUSED));
        this.pauseCheckpoints = new PauseCheckpoints(session, this, () -> shown.is(RunState.PAUSED) && !closed);
        run.addListener(new dev.handoff.train.TrainingListener() {
            @Override
            public void onStateChanged(RunState state, String message) {
                onRunState(state, message);
            }
        });
    }

    /** Handoffs between error-component readings of a seed (see {@link TrainingPlan.ComponentCadence#LIVE}). */
    static long componentCadence(Request request) {
        return TrainingPlan.ComponentCadence.LIVE.every(request.handoffs(),
                request.workflow().training().evaluationWindowOrDefault());
    }

    // ---- commands

    /** Starts training (at the current pace); opens the run folders. */
    public synchronized void start() {
        if (run.state() != RunState.READY || !shown.is(RunState.READY) || !openFolders()) {
            return;
        }
        userPaused = false;
        shown.show(RunState.RUNNING, "training");
        pacer.start();
        if (!pacer.paced()) {
            run.start();
        }
        startFinisher();
    }

    /**
     * Pauses; once no trainer thread is inside a chunk, every seed's checkpoint is written to the run folders (off the
     * caller's thread), so a paused run can be resumed later even if the workbench is closed.
     */
    public synchronized void pause() {
        if (shown.is(RunState.RUNNING)) {
            userPaused = true;
            run.pause();
            shown.show(RunState.PAUSED, "paused");
            pauseCheckpoints.afterPause();
        }
    }

    /** How many times a pause has written every seed's checkpoint. */
    public int pauseCheckpoints() {
        return pauseCheckpoints.count();
    }

    public synchronized void resume() {
        if (shown.is(RunState.PAUSED) || shown.is(RunState.DIVERGED)) {
            userPaused = false;
            shown.show(RunState.RUNNING, "training");
            pauseCheckpoints.settle();
            if (!pacer.paced()) {
                run.resume();
            }
        }
    }

    /** While paused (or before starting): every seed advances {@code handoffs} handoffs, then pauses again. */
    public synchronized void step(long handoffs) {
        prepareStepping();
        if (shown.is(RunState.PAUSED) && !episodes.stepping()) {
            pauseCheckpoints.settle();
            run.step(handoffs);
        }
    }

    /**
     * While paused (or before starting): every seed advances one handoff at a time until the first seed's artifact is
     * handed to STOP, i.e. one episode of the first seed (at most {@code maxHandoffs}). Returns at once; the steps run on
     * their own thread and {@link #lastEpisodeStep()} reports the outcome.
     */
    public synchronized void stepEpisode(int maxHandoffs) {
        prepareStepping();
        if (!shown.is(RunState.PAUSED) || episodes.stepping() || run.state().isTerminal()) {
            return;
        }
        episodes.start(maxHandoffs);
    }

    /** Null before any episode step, or while one is running. */
    public EpisodeStep lastEpisodeStep() {
        EpisodeStepper.Outcome o = episodes.last();
        return o == null ? null : new EpisodeStep(o.handoffs(), o.reachedStop());
    }

    private void prepareStepping() {
        if (shown.is(RunState.READY) && openFolders()) {
            userPaused = true;
            shown.show(RunState.PAUSED, "stepping");
            pacer.start();
            startFinisher();
        }
    }

    /**
     * Opens the run folders; a folder that must be written and cannot (a resumed run's) ends the run before it starts,
     * saying why. Returns whether training may start.
     */
    private boolean openFolders() {
        try {
            session.open();
            return true;
        } catch (dev.handoff.train.RunFolderException e) {
            shown.show(RunState.FAILED, "cannot train: " + e.getMessage());
            closed = true;
            session.close();
            return false;
        }
    }

    /** Stops for good; the run folders get their checkpoints and summaries. */
    public synchronized void stop() {
        if (run.state() == RunState.READY) {
            shown.show(RunState.CANCELLED, "stopped before it started");
            closed = true;
            session.close();
            return;
        }
        run.cancel();
    }

    /** Handoffs per second per seed; 0 or less is full speed. */
    public synchronized void setPace(double handoffsPerSecond) {
        double old = pacer.setPace(handoffsPerSecond);
        if (shown.is(RunState.RUNNING) && !userPaused) {
            if (old <= 0 && pacer.paced()) {
                run.pause(); // the pacer steps from here
            } else if (old > 0 && !pacer.paced()) {
                run.resume();
            }
        }
    }

    // ---- what readers see

    public Status status() {
        return new Status(shown.state(), shown.message(), run.handoffsDone(), run.handoffsBudget(), shown.activeSeconds());
    }

    public WindowRing<TrainingWindow> windows() {
        return feed.windows;
    }

    public WindowRing<GreedyPoint> greedyReturns() {
        return feed.greedy;
    }

    public WindowRing<ActivitySample> activity() {
        return feed.activity;
    }

    /** Error-component readings (kinds with an exact model; empty otherwise), drained by one reader. */
    public WindowRing<ComponentPoint> components() {
        return feed.components;
    }

    /**
     * The seeds' trainers (all learners, in mode order then seed order). Read their learners only while the run is
     * paused or has ended; neural ones are closed once the run has ended.
     */
    public List<SeedRun> trainers() {
        return session.trainers();
    }

    /** Whether the neural learners' networks have been freed (the run ended or was stopped). */
    public boolean released() {
        return session.released();
    }

    /** Every greedy-return evaluation so far (copy). */
    public List<GreedyPoint> greedyHistory() {
        return feed.greedyHistory();
    }

    /** The latest Q tables of the first seed of {@code algorithm}, or null before its first chunk. */
    public QSnapshot latestQ(Algorithm algorithm) {
        return feed.latestQ(algorithm);
    }

    /** J* of the centralised optimum where the kind has a finite model, else null. */
    public Double oracleReturn() {
        return session.oracleReturn();
    }

    /** Whether greedy returns are exact (finite model) rather than absent. */
    public boolean hasExactModel() {
        return session.model() != null;
    }

    /** Whether greedy returns are simulated while training (a run learning from traces on a kind without an exact model). */
    public boolean simulatesGreedyReturn() {
        return feed.simulatesGreedy();
    }

    public Request request() {
        return request;
    }

    public List<Algorithm> algorithms() {
        return request.mode().algorithms();
    }

    /** Run folders by algorithm (empty when no runs root was given or none could be written). */
    public Map<Algorithm, Path> runFolders() {
        return session.runFolders();
    }

    /** Final summaries, one per algorithm, once the run has ended. */
    public List<TrainingSummary> summaries() {
        return summaries;
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- internals

    private void onRunState(RunState state, String message) {
        switch (state) {
            case DIVERGED -> {
                userPaused = true;
                shown.show(RunState.DIVERGED, "training paused: " + message);
            }
            case FAILED -> shown.show(RunState.FAILED, message);
            default -> { } // the finisher shows the end once the folders are written
        }
    }

    private void startFinisher() {
        Thread t = new Thread(this::finishWhenDone, "handoff-live-finisher");
        t.setDaemon(true);
        t.start();
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
            session.close();
        }
    }

    private void finish(RunState end) {
        List<TrainingSummary> result = session.finish(end);
        summaries = result;
        feed.endGreedyCurves(result);
        StringBuilder msg = new StringBuilder(end == RunState.FINISHED ? "finished" : end == RunState.CANCELLED ? "stopped"
                : "failed: " + run.message());
        for (TrainingSummary s : result) {
            msg.append(" · ").append(s.algo()).append(" J = ")
                    .append(IntervalText.meanCi(s.meanReturn(), s.meanReturnCi95(), s.seeds().size(), 3));
        }
        if (session.oracleReturn() != null) {
            msg.append(String.format(Locale.ROOT, " (J* = %.3f)", session.oracleReturn()));
        }
        for (String note : session.notes()) {
            msg.append(" · ").append(note);
        }
        shown.show(end, msg.toString());
        closed = true; // last: a reader that sees "closed" also sees the final state and message
    }
}
