package dev.handoff.views.training.curves;

import dev.handoff.components.ErrorComponents;
import dev.handoff.train.Algorithm;
import dev.handoff.train.TrainingWindow;
import dev.handoff.train.live.ComponentPoint;
import dev.handoff.train.live.GreedyPoint;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.run.RunControlViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Curves and bands: every learning curve of the current run at full resolution on the FX side (greedy and training
 * return per learner and seed, TD error per agent, the scalar on each edge, the error components), aggregated across
 * seeds into mean ± 95% CI bands ({@link SeedBand}); and how they are displayed (smoothing, log scale, what the error
 * chart shows).
 */
public final class CurvesViewModel {
    private final TrainedWorkflow trained;
    private final RunControlViewModel run;
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<ErrorView> errorView = new SimpleObjectProperty<>(ErrorView.TD_ERROR);

    private final Map<Algorithm, Map<Long, SeriesBuffer>> greedyReturn = new EnumMap<>(Algorithm.class);
    private final Map<Algorithm, Map<Long, SeriesBuffer>> trainingReturn = new EnumMap<>(Algorithm.class);
    private final List<Map<Long, SeriesBuffer>> tdByAgent = new ArrayList<>();
    private final List<Map<Long, SeriesBuffer>> scalarMeanByEdge = new ArrayList<>();
    private final List<Map<Long, SeriesBuffer>> scalarStdByEdge = new ArrayList<>();
    private final Map<Algorithm, Map<ErrorComponent, Map<Long, SeriesBuffer>>> componentCurves = new EnumMap<>(Algorithm.class);
    private final Map<Algorithm, long[]> closureCounts = new EnumMap<>(Algorithm.class); // {readings, closing}
    private long drainedWindows;

    public CurvesViewModel(TrainedWorkflow trained, RunControlViewModel run) {
        this.trained = trained;
        this.run = run;
        if (trained.hasExactModel()) {
            errorView.set(ErrorView.COMPONENTS);
        }
        clear();
    }

    // ---- display

    /** Exponential smoothing of noisy curves for display (the raw data are kept). */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** Logarithmic handoffs axis on every chart, and logarithmic TD error. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public ObjectProperty<ErrorView> errorViewProperty() {
        return errorView;
    }

    // ---- data in (FX thread, from the dashboard's drain)

    /** Forgets every curve (a new run, or Reset). */
    public void clear() {
        greedyReturn.clear();
        trainingReturn.clear();
        tdByAgent.clear();
        scalarMeanByEdge.clear();
        scalarStdByEdge.clear();
        for (int i = 0; i < trained.agentCount(); i++) {
            tdByAgent.add(new TreeMap<>());
        }
        for (int e = 0; e < trained.edgeCount(); e++) {
            scalarMeanByEdge.add(new TreeMap<>());
            scalarStdByEdge.add(new TreeMap<>());
        }
        componentCurves.clear();
        closureCounts.clear();
        drainedWindows = 0;
    }

    /** One evaluation window of one seed: its training return; for the shown learner also TD errors and scalars. */
    public void acceptWindow(TrainingWindow w, Algorithm primary) {
        drainedWindows++;
        trainingReturn(w.algorithm()).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), w.meanEpisodeReturn());
        if (w.algorithm() != primary) {
            return;
        }
        for (int i = 0; i < tdByAgent.size(); i++) {
            tdByAgent.get(i).computeIfAbsent(w.seed(), k -> new SeriesBuffer()).add(w.handoffs(), w.meanAbsTdByAgent()[i]);
        }
        for (int e = 0; e < scalarMeanByEdge.size(); e++) {
            boolean crossed = w.scalarCountByEdge()[e] > 0;
            scalarMeanByEdge.get(e).computeIfAbsent(w.seed(), k -> new SeriesBuffer())
                    .add(w.handoffs(), crossed ? w.scalarMeanByEdge()[e] : Double.NaN);
            scalarStdByEdge.get(e).computeIfAbsent(w.seed(), k -> new SeriesBuffer())
                    .add(w.handoffs(), crossed ? w.scalarStdByEdge()[e] : Double.NaN);
        }
    }

    public void acceptGreedy(GreedyPoint p) {
        greedyReturn(p.algorithm()).computeIfAbsent(p.seed(), k -> new SeriesBuffer()).add(p.handoffs(), p.greedyReturn());
    }

    public void acceptComponents(ComponentPoint p) {
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

    // ---- what the charts read

    public long drainedWindows() {
        return drainedWindows;
    }

    /** Per seed, the greedy policy's exact return J over handoffs (empty when the kind has no finite model). */
    public Map<Long, SeriesBuffer> greedyReturn(Algorithm a) {
        return greedyReturn.computeIfAbsent(a, k -> new TreeMap<>());
    }

    /** Per seed, the mean return of episodes finished during each window (with exploration). */
    public Map<Long, SeriesBuffer> trainingReturn(Algorithm a) {
        return trainingReturn.computeIfAbsent(a, k -> new TreeMap<>());
    }

    /**
     * The curves the return chart shows for {@code a}, per seed: greedy J where exact (or simulated, learning from
     * traces), else training returns.
     */
    public Map<Long, SeriesBuffer> returnCurves(Algorithm a) {
        return run.showsAnyGreedyReturn() ? greedyReturn(a) : trainingReturn(a);
    }

    /** The smoothing applied to return curves: none for greedy returns, the slider's otherwise. */
    public double returnSmoothing() {
        return run.showsAnyGreedyReturn() ? 0 : smoothing.get();
    }

    public SeedBand returnBand(Algorithm a) {
        return SeedBand.of(new ArrayList<>(returnCurves(a).values()), returnSmoothing());
    }

    /** J* − J of the greedy policy per seed, mean ± 95% CI; empty without a finite model. */
    public SeedBand oracleGapBand(Algorithm a) {
        Double jStar = run.oracleReturn();
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
        for (Algorithm a : run.algorithms()) {
            if (a != Algorithm.ORACLE) {
                return a;
            }
        }
        return null;
    }

    /**
     * What the error chart actually draws: the chosen view where the kind can provide it (before a run too, as an empty
     * chart saying what will appear), the oracle gap where the shown learner is the oracle alone (it has no interface
     * components), and the TD errors where the kind has no finite model.
     */
    public ErrorView shownErrorView() {
        ErrorView chosen = errorView.get();
        if (chosen == ErrorView.TD_ERROR || !trained.hasExactModel() || (run.live() != null && run.oracleReturn() == null)) {
            return ErrorView.TD_ERROR;
        }
        return chosen == ErrorView.COMPONENTS && componentLearner() != null ? ErrorView.COMPONENTS : ErrorView.ORACLE_GAP;
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
}
