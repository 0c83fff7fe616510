package dev.handoff.views.evaluate;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.policy.BundleEvaluation;
import dev.handoff.policy.BundleException;
import dev.handoff.policy.BundleManifest;
import dev.handoff.policy.BundlePlayer;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluate mode: an exported policy bundle loaded onto a workflow and played greedily, handoff by handoff, for the
 * canvas ({@link BundlePlayer}; no training code path). Read-only properties for the view, explicit commands, and
 * playback paced by an injected {@link PlaybackTicker} at {@link #speedProperty()} handoffs per second.
 */
public final class EvaluationViewModel {
    /** Where evaluate mode stands: nothing loaded, a bundle refused, loaded and paused, or playing. */
    public enum State { EMPTY, REFUSED, READY, PLAYING }

    /** Steps kept in {@link #log()}, newest first. */
    public static final int LOG_LIMIT = 200;
    /** At most this many handoffs per frame, so a slow frame never freezes the screen (the backlog is dropped). */
    static final int MAX_STEPS_PER_FRAME = 5_000;

    private final Workflow workflow;
    private final EnvironmentKind kind;
    private final PlaybackTicker ticker;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EMPTY);
    private final ReadOnlyStringWrapper bundleText = new ReadOnlyStringWrapper("No bundle loaded");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper holder = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper holderText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BundlePlayer.Step> lastStep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastStepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper handoffs = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper episodes = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper meanReturn = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper ci95 = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper meanReturnText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyObjectWrapper<Double> exactReturn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Double> oracleReturn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty speed = new SimpleDoubleProperty(2);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final PlaybackCanvas canvas;
    private BundlePlayer player;
    private long lastFrame = -1;
    private double due;

    public EvaluationViewModel(Workflow workflow, EnvironmentKind kind, PlaybackTicker ticker) {
        this.workflow = workflow;
        this.kind = kind;
        this.ticker = ticker;
        this.canvas = new PlaybackCanvas(workflow);
    }

    // ---- commands

    /**
     * Loads the bundle in {@code dir} onto this workflow: READY (paused at the first decision of seed
     * {@link #seedProperty()}) when it fits, else REFUSED with every problem or difference in {@link #problems()}.
     */
    public boolean load(Path dir) {
        pause();
        PolicyBundle bundle;
        BundlePlayer p;
        try {
            bundle = PolicyBundle.load(dir);
            p = BundlePlayer.create(bundle, workflow, kind, seed.get());
        } catch (RuntimeException e) { // the workflow itself cannot be simulated (invalid parameters)
            return refuse(dir, new BundleException("cannot simulate " + workflow.name() + ": " + e.getMessage()));
        } catch (BundleException e) {
            return refuse(dir, e);
        }
        player = p;
        problems.clear();
        errorText.set("");
        BundleManifest m = bundle.manifest();
        bundleText.set(String.format(Locale.ROOT, "%s · %s seed %d · %s handoffs", dir.getFileName(), m.algorithm(), m.seed(),
                count(m.handoffs())));
        BundleEvaluation.Exact exact = BundleEvaluation.exact(bundle, workflow, kind);
        exactReturn.set(exact == null ? null : exact.j());
        oracleReturn.set(exact == null ? null : exact.jStar());
        state.set(State.READY);
        clearPlayback();
        return true;
    }

    private boolean refuse(Path dir, BundleException e) {
        player = null;
        problems.setAll(e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems());
        errorText.set(e.problems().isEmpty() ? "Cannot load " + dir.getFileName()
                : "The bundle " + dir.getFileName() + " does not fit " + workflow.name() + " ("
                + e.problems().size() + (e.problems().size() == 1 ? " difference)" : " differences)"));
        bundleText.set("No bundle loaded");
        exactReturn.set(null);
        oracleReturn.set(null);
        state.set(State.REFUSED);
        clearPlayback();
        return false;
    }

    /** Plays continuously at {@link #speedProperty()} handoffs per second until {@link #pause()}. */
    public void play() {
        if (player == null || state.get() == State.PLAYING) {
            return;
        }
        state.set(State.PLAYING);
        lastFrame = -1;
        due = 0;
        ticker.start(this::frame);
    }

    public void pause() {
        if (state.get() == State.PLAYING) {
            ticker.stop();
            state.set(State.READY);
        }
    }

    /** Plays one handoff (pausing playback first). */
    public void stepOnce() {
        if (player == null) {
            return;
        }
        pause();
        play(1);
    }

    /** Plays handoffs until the current episode ends (pausing playback first). */
    public void runEpisode() {
        if (player == null) {
            return;
        }
        pause();
        List<BundlePlayer.Step> steps = player.runEpisode();
        for (BundlePlayer.Step s : steps) {
            glow(s);
        }
        publish(steps);
    }

    /** Starts again from seed {@link #seedProperty()}: the same handoffs replay, totals and log are cleared. */
    public void reset() {
        if (player == null) {
            return;
        }
        pause();
        clearPlayback();
    }

    /** Handoffs per second while playing (at least a tenth). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The seed the simulation starts from on load and reset. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** One frame of the ticker: plays the handoffs due since the previous frame. */
    private void frame(long nanos) {
        if (state.get() != State.PLAYING) {
            return;
        }
        if (lastFrame < 0) {
            lastFrame = nanos;
            return;
        }
        due += Math.max(0.1, speed.get()) * (nanos - lastFrame) / 1e9;
        lastFrame = nanos;
        int n = (int) Math.min(MAX_STEPS_PER_FRAME, Math.floor(due));
        due = n == MAX_STEPS_PER_FRAME ? 0 : due - n;
        if (n > 0) {
            play(n);
        }
    }

    private void play(int n) {
        List<BundlePlayer.Step> recent = new ArrayList<>(Math.min(n, LOG_LIMIT));
        for (int k = 0; k < n; k++) {
            BundlePlayer.Step s = player.step();
            glow(s);
            if (n - k <= LOG_LIMIT) {
                recent.add(s);
            }
        }
        publish(recent);
    }

    private void clearPlayback() {
        if (player != null) {
            player.reset(seed.get());
        }
        canvas.clear(player == null ? -1 : player.holder());
        lastStep.set(null);
        lastStepText.set(player == null ? "" : "Ready: press Step or Play");
        log.clear();
        refreshFigures();
    }

    private void glow(BundlePlayer.Step s) {
        canvas.played(s, player.holder());
    }

    private void publish(List<BundlePlayer.Step> steps) {
        if (!steps.isEmpty()) {
            BundlePlayer.Step last = steps.get(steps.size() - 1);
            lastStep.set(last);
            lastStepText.set(describe(last));
            List<String> lines = new ArrayList<>(Math.min(steps.size(), LOG_LIMIT));
            for (int k = steps.size() - 1; k >= 0 && lines.size() < LOG_LIMIT; k--) {
                lines.add(describe(steps.get(k)));
            }
            log.addAll(0, lines);
            if (log.size() > LOG_LIMIT) {
                log.remove(LOG_LIMIT, log.size());
            }
        }
        refreshFigures();
    }

    private void refreshFigures() {
        if (player == null) {
            holder.set(-1);
            holderText.set("");
            handoffs.set(0);
            episodes.set(0);
            meanReturn.set(Double.NaN);
            ci95.set(Double.NaN);
            meanReturnText.set("—");
        } else {
            canvas.holder(player.holder());
            holder.set(player.holder());
            holderText.set(workflow.agents().get(player.holder()).id() + " holds the artifact · sees " + player.describeHolderView()
                    + " · will choose " + player.nextActionLabel());
            handoffs.set(player.handoffs());
            episodes.set(player.episodes());
            meanReturn.set(player.meanReturn());
            ci95.set(player.ci95());
            meanReturnText.set(player.episodes() == 0 ? "— (no episode finished yet)"
                    : Double.isNaN(player.ci95()) ? String.format(Locale.ROOT, "%.4f", player.meanReturn())
                    : String.format(Locale.ROOT, "%.4f ± %.4f", player.meanReturn(), player.ci95()));
        }
        revision.set(revision.get() + 1);
    }

    /**
     * One line of the step log, e.g. {@code #12 a3: thorough → a5 · R −1.000 τ 2 · m 4.210}; the handoff that ends an
     * episode adds {@code · return G}.
     */
    public static String describe(BundlePlayer.Step s) {
        String line = String.format(Locale.ROOT, "#%d %s: %s · R %.3f τ %d · m %.3f", s.handoff(), s.holderId(), s.actionLabel(),
                s.reward(), s.tau(), s.scalar());
        return s.episodeEnded() ? line + String.format(Locale.ROOT, " · return %.3f", s.episodeReturn()) : line;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    // ---- read-only state

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What is loaded: folder, learner, seed and training handoffs of the bundle. */
    public ReadOnlyStringProperty bundleTextProperty() {
        return bundleText.getReadOnlyProperty();
    }

    /** Why the last load was refused (empty otherwise); the details are in {@link #problems()}. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** Every difference between the refused bundle and the workflow (or the reason it could not be read). */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** The agent holding the artifact (about to decide), or −1 with no bundle. */
    public ReadOnlyIntegerProperty holderProperty() {
        return holder.getReadOnlyProperty();
    }

    /** Who holds the artifact, what it sees and what its policy will choose. */
    public ReadOnlyStringProperty holderTextProperty() {
        return holderText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BundlePlayer.Step> lastStepProperty() {
        return lastStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastStepTextProperty() {
        return lastStepText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty handoffsProperty() {
        return handoffs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty episodesProperty() {
        return episodes.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty meanReturnProperty() {
        return meanReturn.getReadOnlyProperty();
    }

    /** Half-width of the 95% confidence interval of the mean return (NaN under two episodes). */
    public ReadOnlyDoubleProperty ci95Property() {
        return ci95.getReadOnlyProperty();
    }

    /** "mean ± CI" of the finished episodes' returns. */
    public ReadOnlyStringProperty meanReturnTextProperty() {
        return meanReturnText.getReadOnlyProperty();
    }

    /** The exact return J of the bundle's policy where the kind has a finite model, else null. */
    public ReadOnlyObjectProperty<Double> exactReturnProperty() {
        return exactReturn.getReadOnlyProperty();
    }

    /** J* of the centralised optimum where the kind has a finite model, else null. */
    public ReadOnlyObjectProperty<Double> oracleReturnProperty() {
        return oracleReturn.getReadOnlyProperty();
    }

    /** Bumped on every change the canvas should redraw. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The latest handoffs, newest first, at most {@link #LOG_LIMIT}. */
    public ObservableList<String> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    // ---- what the canvas draws

    /** The workflow this mode plays on. */
    public Workflow workflow() {
        return workflow;
    }

    /** The holder lit, earlier holders fading, the last handoff's edge labelled (what {@code LiveGraphView} draws). */
    public PlaybackCanvas canvas() {
        return canvas;
    }
}
