package dev.handoff.views.training;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.observe.InterfaceMaps;
import dev.handoff.train.Algorithm;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.RunState;
import dev.handoff.train.TrainingWindow;
import dev.handoff.components.ErrorComponents;
import dev.handoff.train.live.ActivitySample;
import dev.handoff.train.live.ComponentPoint;
import dev.handoff.train.live.GreedyPoint;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.RunFolders;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live training dashboard without a screen: settings, the commands Train / Pause / Step / Stop / Reset, and the
 * series the charts show. {@link #drain()} copies what the trainer threads left in the {@link LiveTraining} rings into
 * FX-side buffers; the view calls it from an animation timer 10–20 times a second, tests call it directly.
 */
public final class TrainingDashboardViewModel implements GraphActivity {
    private final Workflow workflow;
    private final EnvironmentKind kind;
    private final Path runsRoot;
    private final HandoffEnvironment shape;
    private final List<InterfaceMap> maps;
    private final int agents;
    private final int edges;

    private final ObjectProperty<TrainingMode> mode = new SimpleObjectProperty<>(TrainingMode.COMPARE);
    private final IntegerProperty seeds = new SimpleIntegerProperty(3);
    private final DoubleProperty pace = new SimpleDoubleProperty(0);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<ErrorView> errorView = new SimpleObjectProperty<>(ErrorView.TD_ERROR);
    private final IntegerProperty selectedAgent = new SimpleIntegerProperty(0);
    private final IntegerProperty selectedView = new SimpleIntegerProperty(0);

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.READY);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Ready: press Train (F5)");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<RunFolders.Entry> runs = FXCollections.observableArrayList();
    private final ObservableList<Overlay> overlaid = FXCollections.observableArrayList();

    private LiveTraining live;
    private final Map<Algorithm, Map<Long, SeriesBuffer>> greedyReturn = new EnumMap<>(Algorithm.class);
    private final Map<Algorithm, Map<Long, SeriesBuffer>> trainingReturn = new EnumMap<>(Algorithm.class);
    private final List<Map<Long, SeriesBuffer>> tdByAgent = new ArrayList<>();
    private final List<Map<Long, SeriesBuffer>> scalarMeanByEdge = new ArrayList<>();
    private final List<Map<Long, SeriesBuffer>> scalarStdByEdge = new ArrayList<>();
    private final double[] edgeRecentMean;
    private final long[] edgeRecentCount;
    private final Map<Long, TrainingWindow> latestPrimaryWindow = new TreeMap<>();
    private final double[] activity;
    private int holder = -1;
    private final List<QSnapshot> qHistory = new ArrayList<>();
    private final Map<Algorithm, Map<ErrorComponent, Map<Long, SeriesBuffer>>> componentCurves = new EnumMap<>(Algorithm.class);
    private final Map<Algorithm, long[]> closureCounts = new EnumMap<>(Algorithm.class); // {readings, closing}
    private long drainedWindows;

    public TrainingDashboardViewModel(Workflow workflow, EnvironmentKind kind, Path runsRoot) {
        this.workflow = workflow;
        this.kind = kind;
        this.runsRoot = runsRoot;
        this.shape = kind.create(workflow);
        List<InterfaceMap> m;
        try {
            m = InterfaceMaps.compile(workflow);
        } catch (RuntimeException e) {
            m = List.of();
        }
        this.maps = m;
        this.agents = workflow.agents().size();
        this.edges = workflow.handoffs().size();
        this.edgeRecentMean = new double[edges];
        this.edgeRecentCount = new long[edges];
        this.activity = new double[agents];
        if (workflow.training().seeds() != null && !workflow.training().seeds().isEmpty()) {
            seeds.set(Math.min(10, workflow.training().seeds().size()));
        }
        clearData();
        refreshRuns();
        if (exactKind()) {
            errorView.set(ErrorView.COMPONENTS);
        }
        if (shape.jointStateAccess() == null) {
            mode.set(TrainingMode.ICQ_TABULAR); // no centralised oracle for this kind: compare cannot run
        }
    }

    // ---- settings

    public ObjectProperty<TrainingMode> modeProperty() {
        return mode;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    /** Handoffs per second per seed; 0 is full speed. Takes effect immediately, also while running. */
    public DoubleProperty paceProperty() {
        return pace;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public IntegerProperty selectedAgentProperty() {
        return selectedAgent;
    }

    public IntegerProperty selectedViewProperty() {
        return selectedView;
    }

    // ---- read-only state

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

    /** Increases whenever drained data changed: the charts redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ObservableList<RunFolders.Entry> runs() {
        return runs;
    }

    // ---- commands

    /** Train: starts a fresh run with the current settings, or resumes a paused or diverged one. */
    public void train() {
        if (live == null || live.isClosed()) {
            if (live != null) {
                reset();
            }
            if (!createRun()) {
                return;
            }
            live.setPace(pace.get());
            live.start();
        } else {
            live.resume();
        }
        updateStatus();
    }

    /**
     * Resume: continues a past run of the Runs panel from its checkpoints to {@code budget} handoffs per seed (null:
     * its own budget) in the dashboard, appending to its run folder. Says why when it cannot (a run still going, no
     * checkpoints); returns whether it started.
     */
    public boolean resumeRun(RunFolders.Entry past, Long budget) {
        if (live != null && !live.isClosed()) {
            notification.set("Stop the current run before resuming another.");
            return false;
        }
        if (live != null) {
            reset();
        }
        clearData();
        notification.set("");
        try {
            live = LiveTraining.resume(past.dir(), budget, parallelism());
        } catch (Exception e) {
            live = null;
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            notification.set("Cannot resume " + past.dir().getFileName() + ": " + why);
            return false;
        }
        if (!dev.handoff.workflow.WorkflowHash.of(live.request().workflow()).equals(dev.handoff.workflow.WorkflowHash.of(workflow))) {
            live.stop(); // never started: frees any networks
            live = null;
            notification.set("Cannot resume " + past.dir().getFileName()
                    + ": it trained another version of this workflow (open its workflow.json to resume it).");
            return false;
        }
        mode.set(live.request().mode());
        seeds.set(live.request().seeds().size());
        live.setPace(pace.get());
        live.start();
        updateStatus();
        return true;
    }

    private static int parallelism() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() - 1, 4));
    }

    /** Makes a run with the current settings, or says why it cannot start (state FAILED, nothing trained). */
    private boolean createRun() {
        try {
            live = newRun();
            return true;
        } catch (RuntimeException e) {
            live = null;
            state.set(RunState.FAILED);
            running.set(false);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            notification.set("Cannot train " + mode.get() + ": " + why + ". Choose another learner and press Train again.");
            statusText.set("Not started");
            return false;
        }
    }

    public void pause() {
        if (live != null) {
            live.pause();
            updateStatus();
        }
    }

    /** Step: every seed advances {@code handoffs} handoffs (1: follow the artifact; a window: one point per curve). */
    public void step(long handoffs) {
        if (live == null || live.isClosed()) {
            if (live != null) {
                reset();
            }
            if (!createRun()) {
                return;
            }
        }
        live.step(handoffs);
        updateStatus();
    }

    /** Step episode: one handoff at a time until seed 1's artifact reaches STOP (the other seeds move alike). */
    public void stepEpisode() {
        if (live == null || live.isClosed()) {
            if (live != null) {
                reset();
            }
            if (!createRun()) {
                return;
            }
        }
        live.stepEpisode(100_000);
        updateStatus();
    }

    public void stepWindow() {
        step(window());
    }

    public void stop() {
        if (live != null) {
            live.stop();
            updateStatus();
        }
    }

    /** Forgets the current run (stopping it first) and clears the charts; run folders stay on disk. */
    public void reset() {
        if (live != null && !live.isClosed()) {
            live.stop();
        }
        live = null;
        clearData();
        notification.set("");
        state.set(RunState.READY);
        running.set(false);
        progress.set(0);
        statusText.set("Ready: press Train (F5)");
        refreshRuns();
        revision.set(revision.get() + 1);
    }

    public void setPace(double handoffsPerSecond) {
        pace.set(handoffsPerSecond);
        if (live != null) {
            live.setPace(handoffsPerSecond);
        }
    }

    /**
     * Copies everything the trainer threads wrote since the last call into the FX-side series and refreshes the
     * status; returns whether any data changed. Called on the FX thread by the animation timer.
     */
    public boolean drain() {
        if (live == null) {
            return false;
        }
        int[] n = {0};
        Algorithm primary = primary();
        n[0] += live.windows().drainTo(w -> acceptWindow(w, primary));
        n[0] += live.greedyReturns().drainTo(this::acceptGreedy);
        n[0] += live.activity().drainTo(this::acceptActivity);
        n[0] += live.components().drainTo(this::acceptComponents);
        QSnapshot q = live.latestQ(primary);
        if (q != null && (qHistory.isEmpty() || qHistory.get(qHistory.size() - 1).handoffs() != q.handoffs())) {
            qHistory.add(q);
            n[0]++;
        }
        RunState before = state.get();
        updateStatus();
        if (n[0] > 0 || before != state.get()) {
            revision.set(revision.get() + 1);
            return true;
        }
        return false;
    }

    // ---- what the charts and the canvas read

    public Workflow workflow() {
        return workflow;
    }

    public LiveTraining live() {
        return live;
    }

    public List<Algorithm> algorithms() {
        return live == null ? mode.get().algorithms() : live.algorithms();
    }

    /** The learner whose Q-values, scalars and TD errors are shown: IC-Q when it is in the run. */
    public Algorithm primary() {
        return algorithms().get(0);
    }

    /** Per seed, the greedy policy's exact return J over handoffs (empty when the kind has no finite model). */
    public Map<Long, SeriesBuffer> greedyReturn(Algorithm a) {
        return greedyReturn.computeIfAbsent(a, k -> new TreeMap<>());
    }

    /** Per seed, the mean return of episodes finished during each window (with exploration). */
    public Map<Long, SeriesBuffer> trainingReturn(Algorithm a) {
        return trainingReturn.computeIfAbsent(a, k -> new TreeMap<>());
    }

    /** Whether the return chart shows exact greedy returns (true) or training returns. */
    public boolean showsGreedyReturn() {
        return live == null ? exactKind() : live.hasExactModel();
    }

    private boolean exactKind() {
        return kind instanceof dev.handoff.env.FiniteModelKind;
    }

    /** The curves the return chart shows for {@code a}, per seed. */
    public Map<Long, SeriesBuffer> returnCurves(Algorithm a) {
        return showsGreedyReturn() ? greedyReturn(a) : trainingReturn(a);
    }

    public SeedBand returnBand(Algorithm a) {
        return SeedBand.of(new ArrayList<>(returnCurves(a).values()), showsGreedyReturn() ? 0 : smoothing.get());
    }

    /** J* where the kind has a finite model, else null. */
    public Double oracleReturn() {
        return live == null ? null : live.oracleReturn();
    }

    /**
     * What the error chart shows: the exact kinds' error components (ICQ.md §4) or oracle gap of the return, or TD
     * errors per agent (the only choice without a finite model).
     */
    public enum ErrorView {
        COMPONENTS("Error components"), ORACLE_GAP("Oracle gap J* − J"), TD_ERROR("TD error per agent");

        private final String label;

        ErrorView(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ObjectProperty<ErrorView> errorViewProperty() {
        return errorView;
    }

    /** J* − J of the greedy policy per seed, mean ± 95% CI; empty without a finite model. */
    public SeedBand oracleGapBand(Algorithm a) {
        Double jStar = oracleReturn();
        List<SeriesBuffer> gaps = new ArrayList<>();
        if (jStar != null) {
            for (SeriesBuffer b : greedyReturn(a).values()) {
                SeriesBuffer g = new SeriesBuffer();
                for (int i = 0; i < b.size(); i++) {
                    g.add(b.x(i), jStar - b.y(i));
                }
                gaps.add(g);
            }
        }
        return SeedBand.of(gaps, 0);
    }

    /** The error components of the bound {@code ‖Q_T∘σ − Q*‖_μ ≤ mixing + neural + gap}, and their sum. */
    public enum ErrorComponent {
        NEURAL_APPROX("neural approximation"), INTERFACE_GAP("interface gap"), MIXING_RESIDUAL("mixing residual"),
        TOTAL("total"), SUM_OF_PARTS("sum of parts");

        private final String label;

        ErrorComponent(String label) {
            this.label = label;
        }

        double of(ErrorComponents c) {
            return switch (this) {
                case NEURAL_APPROX -> c.neuralApprox();
                case INTERFACE_GAP -> c.interfaceGap();
                case MIXING_RESIDUAL -> c.mixingResidual();
                case TOTAL -> c.total();
                case SUM_OF_PARTS -> c.sumOfParts();
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One error component of {@code a} over handoffs: mean ± 95% CI across seeds; empty before any reading. */
    public SeedBand componentBand(Algorithm a, ErrorComponent c) {
        Map<Long, SeriesBuffer> bySeed = componentCurves.getOrDefault(a, Map.of()).getOrDefault(c, Map.of());
        return SeedBand.of(new ArrayList<>(bySeed.values()), 0);
    }

    /** Error-component readings drained so far for {@code a} (all seeds). */
    public long componentReadings(Algorithm a) {
        long[] c = closureCounts.get(a);
        return c == null ? 0 : c[0];
    }

    /** Whether every reading of {@code a} so far satisfied total ≤ sum of parts (true before any reading). */
    public boolean closureHolds(Algorithm a) {
        long[] c = closureCounts.get(a);
        return c == null || c[0] == c[1];
    }

    /** The learner whose components the chart shows: the shown learner unless it is the oracle (which has none). */
    public Algorithm componentLearner() {
        for (Algorithm a : algorithms()) {
            if (a != Algorithm.ORACLE) {
                return a;
            }
        }
        return null;
    }

    public SeedBand tdBand(int agent) {
        return SeedBand.of(new ArrayList<>(tdByAgent.get(agent).values()), smoothing.get());
    }

    public SeedBand scalarMeanBand(int edge) {
        return SeedBand.of(new ArrayList<>(scalarMeanByEdge.get(edge).values()), smoothing.get());
    }

    public SeedBand scalarStdBand(int edge) {
        return SeedBand.of(new ArrayList<>(scalarStdByEdge.get(edge).values()), smoothing.get());
    }

    public int agentCount() {
        return agents;
    }

    public int edgeCount() {
        return edges;
    }

    public String agentName(int i) {
        AgentSpec a = workflow.agents().get(i);
        return a.name() == null || a.name().isBlank() ? a.id() : a.name();
    }

    public String edgeName(int e) {
        HandoffSpec h = workflow.handoffs().get(e);
        return h.from() + " → " + h.to();
    }

    /** Mean scalar over the latest window of the shown learner, seeds pooled; NaN before any. */
    public double edgeRecentMean(int e) {
        return edgeRecentMean[e];
    }

    /** How many scalars crossed the edge in the latest window, seeds summed. */
    public long edgeRecentCount(int e) {
        return edgeRecentCount[e];
    }

    /** Recent activity of each agent in [0, 1] (share of recent decisions, smoothed, so it glows rather than flashes). */
    public double activity(int agent) {
        return activity[agent];
    }

    @Override
    public int selectedAgent() {
        return selectedAgent.get();
    }

    /** The agent that decided last (at slow speeds: the one holding the artifact), or −1. */
    public int holder() {
        return holder;
    }

    /** Q(view, a) of the selected agent over handoffs, one series per action (first seed of the shown learner). */
    public List<SeriesBuffer> qCurves(int agent, int view) {
        List<SeriesBuffer> out = new ArrayList<>();
        int actions = shape.actionCount(agent);
        for (int a = 0; a < actions; a++) {
            out.add(new SeriesBuffer());
        }
        for (QSnapshot s : qHistory) {
            if (view < s.keyCount(agent)) {
                for (int a = 0; a < actions; a++) {
                    out.get(a).add(s.handoffs(), s.value(agent, view, a));
                }
            }
        }
        return out;
    }

    public String actionName(int agent, int action) {
        AgentSpec spec = workflow.agents().get(agent);
        int target = shape.target(agent, action);
        String to = target == HandoffEnvironment.STOP ? HandoffSpec.STOP : workflow.agents().get(target).id();
        int k = spec.options().size();
        int actions = shape.actionCount(agent);
        if (k > 0 && actions % k == 0) { // actions are option · targets + target (ICQ.md §1's options with a handoff)
            dev.handoff.workflow.OptionSpec o = spec.options().get(action / (actions / k));
            String name = o.name() == null || o.name().isBlank() ? o.id() : o.name();
            return name + " → " + to;
        }
        return "action " + action + " → " + to;
    }

    public int viewCount(int agent) {
        return shape.viewCount(agent);
    }

    public String describeView(int agent, int key) {
        if (agent < maps.size() && key < maps.get(agent).viewCount()) {
            try {
                return maps.get(agent).describe(key);
            } catch (RuntimeException e) {
                return "view " + key;
            }
        }
        return "view " + key;
    }

    /** The greedy-policy table of an agent: per view, best action, its value and its visits (latest snapshot). */
    public List<PolicyRow> policyTable(int agent) {
        List<PolicyRow> rows = new ArrayList<>();
        QSnapshot s = qHistory.isEmpty() ? null : qHistory.get(qHistory.size() - 1);
        if (s == null || s.q().length <= agent) {
            return rows;
        }
        int actions = s.actions()[agent];
        for (int z = 0; z < s.keyCount(agent); z++) {
            int best = 0;
            long visits = 0;
            for (int a = 0; a < actions; a++) {
                visits += s.visitCount(agent, z, a);
                if (s.value(agent, z, a) > s.value(agent, z, best)) {
                    best = a;
                }
            }
            rows.add(new PolicyRow(z, describeView(agent, z), actionName(agent, best), s.value(agent, z, best), visits));
        }
        return rows;
    }

    public long drainedWindows() {
        return drainedWindows;
    }

    public int window() {
        Integer w = workflow.training().evaluationWindow();
        return w == null ? 50_000 : w;
    }

    // ---- policies: export a trained seed, evaluate a bundle (issue 9)

    /**
     * A seed whose decentralised policy can be exported: tabular IC-Q or independent (the oracle is centralised), of
     * the current run ({@code runDir} null) or of a saved run folder (restored from its checkpoint).
     */
    public record ExportChoice(Algorithm algorithm, long seed, Path runDir) {
        public ExportChoice(Algorithm algorithm, long seed) {
            this(algorithm, seed, null);
        }

        @Override
        public String toString() {
            return (runDir == null ? "" : "saved run " + runDir.getFileName() + ": ")
                    + (algorithm == Algorithm.ICQ_TABULAR ? "IC-Q" : algorithm.cliName()) + ", seed " + seed;
        }
    }

    /** The exportable seeds of a saved run of the Runs panel: tabular IC-Q or independent runs with checkpoints. */
    public List<ExportChoice> exportChoices(RunFolders.Entry past) {
        List<ExportChoice> out = new ArrayList<>();
        Algorithm a;
        try {
            a = Algorithm.parse(past.algorithm());
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (a == Algorithm.ORACLE) {
            return out;
        }
        try {
            for (long seed : dev.handoff.train.RunFolder.open(past.dir()).seeds()) {
                java.nio.file.Path trained = a == Algorithm.ICQ_NEURAL ? dev.handoff.train.RunFolder.networksDir(past.dir(), a, seed)
                        : dev.handoff.train.RunCheckpoints.fileOf(past.dir(), a, seed);
                if (java.nio.file.Files.exists(trained)) {
                    out.add(new ExportChoice(a, seed, past.dir()));
                }
            }
        } catch (Exception e) {
            return List.of(); // an unreadable folder offers nothing
        }
        return out;
    }

    /**
     * The seeds of the current run that can be exported now: the run must be paused, diverged or ended (so no trainer
     * writes its tables meanwhile) and the learner tabular and decentralised. Empty otherwise.
     */
    public List<ExportChoice> exportChoices() {
        List<ExportChoice> out = new ArrayList<>();
        if (live == null || !(state.get() == RunState.PAUSED || state.get() == RunState.DIVERGED || state.get().isTerminal())) {
            return out;
        }
        for (dev.handoff.train.SeedRun t : live.trainers()) {
            if (t.algorithm() != Algorithm.ORACLE) {
                out.add(new ExportChoice(t.algorithm(), t.seed()));
            }
        }
        return out;
    }

    /**
     * The seed whose greedy policy the policy table shows (the first seed of the shown learner), when it can be
     * exported now (see {@link #exportChoices()}); empty otherwise.
     */
    public java.util.Optional<ExportChoice> shownPolicyChoice() {
        QSnapshot s = qHistory.isEmpty() ? null : qHistory.get(qHistory.size() - 1);
        ExportChoice c = s == null ? null : new ExportChoice(s.algorithm(), s.seed());
        return c != null && exportChoices().contains(c) ? java.util.Optional.of(c) : java.util.Optional.empty();
    }

    /** Whether a program text from {@link #greedyPrograms} passed every vector (its header says "- solved"). */
    public static boolean programSolved(String programText) {
        return dev.handoff.env.cpu.SolvedPrograms.isSolvedText(programText);
    }

    /** Whether this workflow's kind submits programs a user can open (cpu-programming: "Show programs…"). */
    public boolean offersPrograms() {
        return kind instanceof dev.handoff.env.cpu.CpuProgrammingKind;
    }

    /**
     * For a cpu-programming run, per task (in task order) the commented assembly the greedy policy of {@code choice}
     * (a seed of the current run, see {@link #exportChoices()}) submits, solved or not.
     */
    public java.util.Map<String, String> greedyPrograms(ExportChoice choice) {
        if (!offersPrograms()) {
            throw new IllegalStateException("only cpu-programming workflows submit programs");
        }
        dev.handoff.env.cpu.CpuProgrammingKind cpu = (dev.handoff.env.cpu.CpuProgrammingKind) kind;
        for (dev.handoff.train.SeedRun t : live == null ? List.<dev.handoff.train.SeedRun>of() : live.trainers()) {
            if (t.algorithm() == choice.algorithm() && t.seed() == choice.seed() && exportChoices().contains(choice)) {
                Path folder = live.runFolders().get(choice.algorithm());
                if (!live.released() || folder == null) {
                    return dev.handoff.env.cpu.SolvedPrograms.greedyPrograms(workflow, cpu, t);
                }
                // an ended run has released its networks: restore the seed from its last checkpoint
                try (dev.handoff.train.SeedRun restored = dev.handoff.train.RunFolder.open(folder)
                        .restore(choice.seed(), t.budget())) {
                    return dev.handoff.env.cpu.SolvedPrograms.greedyPrograms(workflow, cpu, restored);
                } catch (java.io.IOException | dev.handoff.workflow.WorkflowLoadException e) {
                    throw new IllegalStateException("cannot restore " + choice + " from " + folder + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException(exportUnavailableReason().isEmpty() ? "no such seed in this run: " + choice
                : exportUnavailableReason());
    }

    /** Why nothing can be exported right now (empty when {@link #exportChoices()} is not empty). */
    public String exportUnavailableReason() {
        if (live == null) {
            return "Train first: policies are exported from a paused or finished run.";
        }
        if (!exportChoices().isEmpty()) {
            return "";
        }
        if (state.get() == RunState.RUNNING) {
            return "Pause or stop the run first, so its tables do not change while they are written.";
        }
        return "The oracle learns on the joint state, which no deployed agent sees: train IC-Q or independent to export.";
    }

    /**
     * Writes the policies of one seed of the current run as a bundle in {@code outDir} ({@code PolicyBundle.export}),
     * with CSV twins of the agent files when {@code csv}. The run id is the learner's run folder name, if any.
     */
    public Path exportPolicies(ExportChoice choice, Path outDir, boolean csv) throws java.io.IOException {
        if (choice.runDir() != null) {
            try {
                Path written = dev.handoff.policy.PolicyBundle.export(dev.handoff.train.RunFolder.open(choice.runDir()),
                        choice.seed(), outDir, csv);
                notification.set("Exported " + choice + " to " + written);
                return written;
            } catch (dev.handoff.policy.BundleException | dev.handoff.workflow.WorkflowLoadException e) {
                throw new java.io.IOException(e.getMessage(), e);
            }
        }
        dev.handoff.train.SeedRun trainer = null;
        for (dev.handoff.train.SeedRun t : live == null ? List.<dev.handoff.train.SeedRun>of() : live.trainers()) {
            if (t.algorithm() == choice.algorithm() && t.seed() == choice.seed()) {
                trainer = t;
            }
        }
        if (trainer == null || !exportChoices().contains(choice)) {
            throw new IllegalStateException(exportUnavailableReason().isEmpty() ? "no such seed in this run: " + choice
                    : exportUnavailableReason());
        }
        Path folder = live.runFolders().get(choice.algorithm());
        String runId = folder == null ? "live-" + workflow.name() + "-" + choice.algorithm().cliName() : folder.getFileName().toString();
        Path written;
        try {
            // an ended run has released its networks; they were written to its folder first
            written = live.released() && folder != null
                    ? dev.handoff.policy.PolicyBundle.export(dev.handoff.train.RunFolder.open(folder), choice.seed(), outDir, csv)
                    : dev.handoff.policy.PolicyBundle.export(workflow, trainer, runId, outDir, csv);
        } catch (dev.handoff.policy.BundleException | dev.handoff.workflow.WorkflowLoadException e) {
            throw new java.io.IOException(e.getMessage(), e);
        }
        notification.set("Exported " + choice + " (" + count(trainer.handoffs()) + " handoffs) to " + written);
        return written;
    }

    /** The outcome of loading a bundle onto this workflow: the greedy evaluation, or exactly what does not fit. */
    public record BundleReport(Path bundle, dev.handoff.policy.BundleEvaluation.Result result, List<String> problems,
                               String summary) {
        public boolean fits() {
            return result != null;
        }
    }

    /**
     * Loads the bundle in {@code dir} onto this workflow and runs it greedily for {@code episodes} episodes
     * ({@code BundleEvaluation}); no training code path. Slow for many episodes: call it off the FX thread.
     */
    public BundleReport evaluateBundle(Path dir, long episodes, long seed) {
        dev.handoff.policy.PolicyBundle bundle;
        try {
            bundle = dev.handoff.policy.PolicyBundle.load(dir);
        } catch (dev.handoff.policy.BundleException e) {
            return new BundleReport(dir, null, e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems(),
                    "Cannot load " + dir.getFileName() + ": " + e.getMessage());
        }
        List<String> diffs = bundle.differencesFrom(workflow, shape);
        if (!diffs.isEmpty()) {
            return new BundleReport(dir, null, diffs, "The bundle does not fit " + workflow.name() + " ("
                    + diffs.size() + (diffs.size() == 1 ? " difference)" : " differences)"));
        }
        try {
            var r = dev.handoff.policy.BundleEvaluation.evaluate(bundle, workflow, kind, episodes, seed);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%s seed %d (%s handoffs): greedy return %.4f ± %.4f over %s episodes (95%% CI)",
                    r.algorithm(), r.bundleSeed(), count(bundle.manifest().handoffs()), r.meanReturn(), r.ci95(),
                    count(r.episodes())));
            if (r.exactReturn() != null) {
                text.append(String.format(Locale.ROOT, " · exact J = %.4f", r.exactReturn()));
            }
            if (r.oracleReturn() != null) {
                text.append(String.format(Locale.ROOT, " · J* = %.4f", r.oracleReturn()));
            }
            return new BundleReport(dir, r, List.of(), text.toString());
        } catch (dev.handoff.policy.BundleException e) {
            return new BundleReport(dir, null, e.problems(), e.getMessage());
        }
    }

    // ---- internals

    private LiveTraining newRun() {
        clearData();
        notification.set("");
        List<Long> seedList = new ArrayList<>();
        for (int s = 1; s <= Math.max(1, seeds.get()); s++) {
            seedList.add((long) s);
        }
        return new LiveTraining(new LiveTraining.Request(workflow, kind, mode.get(), seedList, workflow.training().handoffs(),
                parallelism(), runsRoot));
    }

    private void clearData() {
        greedyReturn.clear();
        trainingReturn.clear();
        tdByAgent.clear();
        scalarMeanByEdge.clear();
        scalarStdByEdge.clear();
        for (int i = 0; i < agents; i++) {
            tdByAgent.add(new TreeMap<>());
        }
        for (int e = 0; e < edges; e++) {
            scalarMeanByEdge.add(new TreeMap<>());
            scalarStdByEdge.add(new TreeMap<>());
            edgeRecentMean[e] = Double.NaN;
            edgeRecentCount[e] = 0;
        }
        java.util.Arrays.fill(activity, 0);
        holder = -1;
        latestPrimaryWindow.clear();
        qHistory.clear();
        componentCurves.clear();
        closureCounts.clear();
        drainedWindows = 0;
    }

    private void acceptWindow(TrainingWindow w, Algorithm primary) {
        drainedWindows++;
        trainingReturn(w.algorithm()).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), w.meanEpisodeReturn());
        if (w.algorithm() != primary) {
            return;
        }
        for (int i = 0; i < agents; i++) {
            tdByAgent.get(i).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), w.meanAbsTdByAgent()[i]);
        }
        for (int e = 0; e < edges; e++) {
            double mean = w.scalarCountByEdge()[e] > 0 ? w.scalarMeanByEdge()[e] : Double.NaN;
            double std = w.scalarCountByEdge()[e] > 0 ? w.scalarStdByEdge()[e] : Double.NaN;
            scalarMeanByEdge.get(e).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), mean);
            scalarStdByEdge.get(e).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), std);
        }
        latestPrimaryWindow.put(w.seed(), w);
        for (int e = 0; e < edges; e++) {
            double sum = 0;
            long count = 0;
            for (TrainingWindow lw : latestPrimaryWindow.values()) {
                long c = lw.scalarCountByEdge()[e];
                sum += lw.scalarMeanByEdge()[e] * c;
                count += c;
            }
            edgeRecentCount[e] = count;
            edgeRecentMean[e] = count == 0 ? Double.NaN : sum / count;
        }
    }

    private void acceptComponents(ComponentPoint p) {
        ErrorComponents c = p.reading().components();
        Map<ErrorComponent, Map<Long, SeriesBuffer>> curves = componentCurves.computeIfAbsent(p.algorithm(),
                k -> new EnumMap<>(ErrorComponent.class));
        for (ErrorComponent e : ErrorComponent.values()) {
            curves.computeIfAbsent(e, k -> new TreeMap<>()).computeIfAbsent(p.reading().seed(), k -> new SeriesBuffer())
                    .add(p.reading().handoffs(), e.of(c));
        }
        long[] counts = closureCounts.computeIfAbsent(p.algorithm(), k -> new long[2]);
        counts[0]++;
        if (c.closureHolds()) {
            counts[1]++;
        }
    }

    private void acceptGreedy(GreedyPoint p) {
        greedyReturn(p.algorithm()).computeIfAbsent(p.seed(), k -> new SeriesBuffer()).add(p.handoffs(), p.greedyReturn());
    }

    private void acceptActivity(ActivitySample s) {
        long max = 0;
        long total = 0;
        for (long d : s.decisionsByAgent()) {
            max = Math.max(max, d);
            total += d;
        }
        if (total == 0) {
            return;
        }
        for (int i = 0; i < agents && i < s.decisionsByAgent().length; i++) {
            double share = (double) s.decisionsByAgent()[i] / max;
            activity[i] = 0.7 * activity[i] + 0.3 * share;
            if (s.decisionsByAgent()[i] == max) {
                holder = i;
            }
        }
    }

    private void updateStatus() {
        if (live == null) {
            return;
        }
        LiveTraining.Status s = live.status();
        RunState old = state.get();
        state.set(s.state());
        running.set(s.state() == RunState.RUNNING);
        progress.set(s.handoffsBudget() == 0 ? 0 : (double) s.handoffsDone() / s.handoffsBudget());
        String eta = s.state() == RunState.RUNNING && s.handoffsPerSecond() > 0 ? duration(s.etaSeconds()) : "–";
        statusText.set(String.format(Locale.ROOT, "%s  ·  %s of %s handoffs  ·  %s handoffs/s  ·  elapsed %s  ·  ETA %s",
                label(s.state()), count(s.handoffsDone()), count(s.handoffsBudget()), count(Math.round(s.handoffsPerSecond())),
                duration(s.activeSeconds()), eta));
        if (old != s.state() && (s.state() == RunState.DIVERGED || s.state() == RunState.FAILED || s.state().isTerminal())) {
            notification.set(s.message());
            if (s.state().isTerminal()) {
                refreshRuns();
            }
        }
    }

    /**
     * A past run drawn over the return chart: its whole mean curve when its folder has one for what the chart shows
     * (greedy J for live runs of kinds with an exact model, else the training return per window), and its final J.
     */
    public record Overlay(RunFolders.Entry run, dev.handoff.train.live.RunCurves.Curve curve) {
    }

    /** Past runs drawn over the return chart. */
    public ObservableList<Overlay> overlaid() {
        return overlaid;
    }

    /** Overlays the given past runs on the return chart (replacing the previous overlay); runs with nothing to draw are skipped. */
    public void overlay(List<RunFolders.Entry> entries) {
        List<Overlay> out = new ArrayList<>();
        dev.handoff.train.live.RunCurves.Measure measure = showsGreedyReturn()
                ? dev.handoff.train.live.RunCurves.Measure.GREEDY_RETURN : dev.handoff.train.live.RunCurves.Measure.TRAINING_RETURN;
        for (RunFolders.Entry e : entries) {
            dev.handoff.train.live.RunCurves.Curve curve;
            try {
                curve = dev.handoff.train.live.RunCurves.read(e.dir(), measure);
            } catch (java.io.IOException ex) {
                curve = null; // a damaged curve file: the final J still shows
            }
            if (curve != null || e.meanReturn() != null) {
                out.add(new Overlay(e, curve));
            }
        }
        overlaid.setAll(out);
        revision.set(revision.get() + 1);
    }

    /** Lists the past runs of this workflow (newest first). */
    public void refreshRuns() {
        runs.setAll(RunFolders.list(runsRoot, workflow.name()));
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

    static String count(long n) {
        if (n >= 10_000_000) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        }
        return String.valueOf(n);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
