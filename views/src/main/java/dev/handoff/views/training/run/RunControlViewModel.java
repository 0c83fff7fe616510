package dev.handoff.views.training.run;

import dev.handoff.train.Algorithm;
import dev.handoff.train.RecordedHandoffs;
import dev.handoff.train.RunState;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.Figures;
import dev.handoff.views.training.TrainedWorkflow;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run control: the settings of the next run (learner, seeds, speed), the commands Train / Pause / Step / Episode /
 * Window / Stop / Reset and Resume of a saved run, and what the status bar and banner say. It owns the current
 * {@link LiveTraining}; the other parts of the dashboard read it through {@link #liveProperty()}.
 */
public final class RunControlViewModel {
    public static final String READY_TEXT = "Ready: press Train (F5)";
    private final TrainedWorkflow trained;

    private final ObjectProperty<TrainingMode> mode = new SimpleObjectProperty<>(TrainingMode.COMPARE);
    private final IntegerProperty seeds = new SimpleIntegerProperty(3);
    private final DoubleProperty pace = new SimpleDoubleProperty(0);
    private final ReadOnlyObjectWrapper<LiveTraining> live = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.READY);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(READY_TEXT);
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RecordedHandoffs> traces = new ReadOnlyObjectWrapper<>();

    public RunControlViewModel(TrainedWorkflow trained) {
        this.trained = trained;
        List<Long> workflowSeeds = trained.workflow().training().seeds();
        if (workflowSeeds != null && !workflowSeeds.isEmpty()) {
            seeds.set(Math.min(10, workflowSeeds.size()));
        }
        if (!trained.hasJointState()) {
            mode.set(TrainingMode.ICQ_TABULAR); // no centralised oracle for this kind: compare cannot run
        }
        pace.addListener((o, a, p) -> {
            if (live.get() != null) {
                live.get().setPace(p.doubleValue());
            }
        });
    }

    // ---- settings

    public ObjectProperty<TrainingMode> modeProperty() {
        return mode;
    }

    /** Seeds per learner (seeds 1, 2, …). */
    public IntegerProperty seedsProperty() {
        return seeds;
    }

    /** Handoffs per second per seed; 0 is full speed. Takes effect immediately, also while running. */
    public DoubleProperty paceProperty() {
        return pace;
    }

    // ---- read-only state

    /** The agents' traces a {@link TrainingMode#FROM_TRACES} run learns from (null until some are given). */
    public ReadOnlyObjectProperty<RecordedHandoffs> tracesProperty() {
        return traces.getReadOnlyProperty();
    }

    /** The current run (null before the first Train and after Reset). */
    public ReadOnlyObjectProperty<LiveTraining> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public LiveTraining live() {
        return live.get();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The last notable event: finished, stopped, diverged (and where), failed. Empty while nothing happened. */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The learners of the current run, or of the chosen mode before one. */
    public List<Algorithm> algorithms() {
        return live.get() == null ? mode.get().algorithms() : live.get().algorithms();
    }

    /** The learner whose Q-values, scalars and TD errors are shown: IC-Q when it is in the run. */
    public Algorithm primary() {
        return algorithms().get(0);
    }

    /** Whether the return chart shows exact greedy returns (true) or training returns. */
    public boolean showsGreedyReturn() {
        return live.get() == null ? trained.hasExactModel() : live.get().hasExactModel();
    }

    /**
     * Whether the return chart shows simulated greedy returns: a run learning from traces plays no episode, so on a kind
     * without an exact model its greedy policy is simulated every round instead.
     */
    public boolean simulatesGreedyReturn() {
        return live.get() != null && live.get().simulatesGreedyReturn();
    }

    /** Whether the return chart shows greedy returns (exact or simulated) rather than training returns. */
    public boolean showsAnyGreedyReturn() {
        return showsGreedyReturn() || simulatesGreedyReturn();
    }

    /** J* where the kind has a finite model and a run has started, else null. */
    public Double oracleReturn() {
        return live.get() == null ? null : live.get().oracleReturn();
    }

    /** Seeds of the current run, or of the next one. */
    public int seedCount() {
        return live.get() == null ? Math.max(1, seeds.get()) : live.get().request().seeds().size();
    }

    // ---- commands

    /** Train: starts a fresh run with the current settings, or resumes a paused or diverged one. */
    public void train() {
        if (live.get() == null || live.get().isClosed()) {
            if (!freshRun()) {
                return;
            }
            live.get().setPace(pace.get());
            live.get().start();
        } else {
            live.get().resume();
        }
        refreshStatus();
    }

    /**
     * Learn from traces: the next run learns IC-Q offline from {@code recorded} (the agents' own traces, File ▸ Learn
     * from traces…), one seed, a round per window, and starts it (a run still going is stopped and forgotten first).
     */
    public void learnFrom(RecordedHandoffs recorded) {
        if (live.get() != null) {
            reset();
        }
        traces.set(recorded);
        mode.set(TrainingMode.FROM_TRACES);
        seeds.set(1);
        train();
    }

    public void pause() {
        if (live.get() != null) {
            live.get().pause();
            refreshStatus();
        }
    }

    /** Step: every seed advances {@code handoffs} handoffs (1: follow the artifact; a window: one point per curve). */
    public void step(long handoffs) {
        if ((live.get() == null || live.get().isClosed()) && !freshRun()) {
            return;
        }
        live.get().step(handoffs);
        refreshStatus();
    }

    /** Step episode: one handoff at a time until seed 1's artifact reaches STOP (the other seeds move alike). */
    public void stepEpisode() {
        if ((live.get() == null || live.get().isClosed()) && !freshRun()) {
            return;
        }
        live.get().stepEpisode(100_000);
        refreshStatus();
    }

    /** Every seed advances one evaluation window: one more point on every curve. */
    public void stepWindow() {
        step(trained.window());
    }

    public void stop() {
        if (live.get() != null) {
            live.get().stop();
            refreshStatus();
        }
    }

    /** Forgets the current run (stopping it first); run folders stay on disk. */
    public void reset() {
        if (live.get() != null && !live.get().isClosed()) {
            live.get().stop();
        }
        notification.set("");
        state.set(RunState.READY);
        running.set(false);
        progress.set(0);
        statusText.set(READY_TEXT);
        live.set(null);
    }

    /**
     * Resume: continues the saved run in {@code dir} from its checkpoints to {@code budget} handoffs per seed (null: its
     * own budget), appending to its folder. Says why when it cannot (a run still going, no checkpoints, another
     * version of the workflow); returns whether it started.
     */
    public boolean resume(Path dir, Long budget) {
        if (live.get() != null && !live.get().isClosed()) {
            notification.set("Stop the current run before resuming another.");
            return false;
        }
        if (live.get() != null) {
            reset();
        }
        notification.set("");
        LiveTraining resumed;
        try {
            resumed = LiveTraining.resume(dir, budget, parallelism());
        } catch (Exception e) {
            notification.set("Cannot resume " + dir.getFileName() + ": " + reason(e));
            return false;
        }
        if (!trained.sameAs(resumed.request().workflow())) {
            resumed.stop(); // never started: frees any networks
            notification.set("Cannot resume " + dir.getFileName()
                    + ": it trained another version of this workflow (open its workflow.json to resume it).");
            return false;
        }
        mode.set(resumed.request().mode());
        seeds.set(resumed.request().seeds().size());
        live.set(resumed);
        resumed.setPace(pace.get());
        resumed.start();
        refreshStatus();
        return true;
    }

    /** Puts {@code text} in the banner (an export done, say); the next run event replaces it. */
    public void announce(String text) {
        notification.set(text);
    }

    /**
     * Reads the run's status into the properties (the dashboard calls it on every drain); a change into diverged,
     * failed or an end sets the banner. Returns whether the state changed.
     */
    public boolean refreshStatus() {
        LiveTraining run = live.get();
        if (run == null) {
            return false;
        }
        LiveTraining.Status s = run.status();
        RunState old = state.get();
        progress.set(s.handoffsBudget() == 0 ? 0 : (double) s.handoffsDone() / s.handoffsBudget());
        String eta = s.state() == RunState.RUNNING && s.handoffsPerSecond() > 0 ? Figures.duration(s.etaSeconds()) : "–";
        statusText.set(String.format(Locale.ROOT, "%s  ·  %s of %s handoffs  ·  %s handoffs/s  ·  elapsed %s  ·  ETA %s",
                label(s.state()), Figures.count(s.handoffsDone()), Figures.count(s.handoffsBudget()),
                Figures.count(Math.round(s.handoffsPerSecond())), Figures.duration(s.activeSeconds()), eta));
        if (old != s.state() && (s.state() == RunState.DIVERGED || s.state() == RunState.FAILED || s.state().isTerminal())) {
            notification.set(s.message());
        }
        running.set(s.state() == RunState.RUNNING);
        state.set(s.state());
        return old != s.state();
    }

    // ---- internals

    /** Replaces a closed run (if any) by a new one with the current settings, or says why it cannot start. */
    private boolean freshRun() {
        if (live.get() != null) {
            reset();
        }
        notification.set("");
        List<Long> seedList = new ArrayList<>();
        for (int s = 1; s <= Math.max(1, seeds.get()); s++) {
            seedList.add((long) s);
        }
        try {
            live.set(new LiveTraining(mode.get().fromTraces() && traces.get() != null
                    ? LiveTraining.Request.fromTraces(trained.workflow(), trained.kind(), traces.get(), trained.runsRoot())
                    : new LiveTraining.Request(trained.workflow(), trained.kind(), mode.get(), seedList,
                    trained.workflow().training().handoffs(), parallelism(), trained.runsRoot())));
            return true;
        } catch (RuntimeException e) {
            state.set(RunState.FAILED);
            running.set(false);
            notification.set("Cannot train " + mode.get() + ": " + reason(e) + ". Choose another learner and press Train again.");
            statusText.set("Not started");
            return false;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static int parallelism() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() - 1, 4));
    }

    private static String label(RunState s) {
        return switch (s) {
            case READY -> "Ready";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case CANCELLED -> "Stopped";
            case DIVERGED -> "Diverged";
            case FAILED -> "Failed";
        };
    }
}
