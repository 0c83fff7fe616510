package dev.handoff.views.traces;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.offline.OfflineLearning;
import dev.handoff.trace.AgentTrace;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.trace.TraceSet;
import dev.handoff.views.task.BackgroundTask;
import dev.handoff.views.task.TaskExecutor;
import dev.handoff.views.training.GraphActivity;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * File ▸ Learn from traces: a folder of agents' own traces opened against the workflow (per agent its record counts,
 * on the canvas the mean scalar each edge carried), then IC-Q learned from them alone, round by round, into a run
 * folder (the same engine as {@code handoff learn}). Reading and learning go through a {@link TaskExecutor}, so every
 * property changes on the FX thread; tests pass a {@link dev.handoff.views.task.DirectTaskExecutor} and need no screen.
 * The rounds (the largest Q change of each) are published when learning ends.
 */
public final class TraceLearningViewModel implements GraphActivity {
    /** Where the view-model is: nothing open, traces open, learning, learned, or failed. */
    public enum State { EMPTY, READING, OPEN, LEARNING, LEARNED, FAILED }

    /** One agent's trace as the table shows it. */
    public record AgentRow(String agent, String file, long decisions, long outcomes, long handoffs, long pending,
                           long orphans) {
    }

    /** One round of learning: its number and the largest change of any Q-value. */
    public record RoundPoint(int round, double change) {
    }

    private final Workflow workflow;
    private final EnvironmentKind kind;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EMPTY);
    private final ReadOnlyStringWrapper folderText = new ReadOnlyStringWrapper("No traces open: File ▸ Learn from traces… or Open traces…");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper canvasText = new ReadOnlyStringWrapper("edges: mean scalar received (handoffs)");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RoundPoint> rounds = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // read-only views made once: a wrapper listens to its list weakly, so one made per call can vanish with its listeners
    private final ObservableList<AgentRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<RoundPoint> roundsView = FXCollections.unmodifiableObservableList(rounds);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final long[] edgeCount;
    private final double[] edgeMean;
    private final double[] agentActivity;
    private TraceSet traces;
    private OfflineLearning.Result result;
    private volatile boolean stopRequested;

    /** Reading and learning go to {@code tasks} (the application's {@link dev.handoff.views.task.FxTaskExecutor}). */
    public TraceLearningViewModel(Workflow workflow, EnvironmentKind kind, TaskExecutor tasks) {
        this.workflow = workflow;
        this.kind = kind;
        this.tasks = tasks;
        this.edgeCount = new long[workflow.handoffs().size()];
        this.edgeMean = new double[workflow.handoffs().size()];
        this.agentActivity = new double[workflow.agents().size()];
    }

    // ------------------------------------------------------------------ commands

    /** Opens every {@code *.jsonl} in {@code folder} as one agent's trace each, checked against the workflow. */
    public void open(Path folder) {
        if (state.get() == State.LEARNING) {
            return;
        }
        state.set(State.READING);
        folderText.set("Reading " + folder + " …");
        errorText.set("");
        problems.clear();
        tasks.execute(new BackgroundTask<>("read traces", () -> TraceSet.read(workflow, kind.create(workflow),
                TraceSet.filesIn(folder)), read -> opened(folder, read), e -> failed(e instanceof TraceFormatException
                ? "The traces in " + folder + " do not fit this workflow" : "Cannot read traces from " + folder, problemsOf(e))));
    }

    /** Learns IC-Q from the open traces alone and writes the run folder {@code out}. */
    public void learn(Path out) {
        if (traces == null || state.get() == State.LEARNING) {
            return;
        }
        TraceSet set = traces;
        state.set(State.LEARNING);
        rounds.clear();
        resultText.set("Learning …");
        stopRequested = false;
        List<RoundPoint> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        tasks.execute(new BackgroundTask<>("learn from traces", () -> OfflineLearning.learn(workflow, kind, set,
                OfflineLearning.Settings.DEFAULTS, out, msg -> { }, (round, change, icq) -> {
                    seen.add(new RoundPoint(round, change));
                    return !stopRequested;
                }), r -> {
                    rounds.setAll(seen);
                    learned(r);
                }, e -> {
                    rounds.setAll(seen);
                    failed("Learning failed", problemsOf(e));
                }));
    }

    /** Stops learning after the current round (the run folder then says it did not converge). */
    public void stop() {
        stopRequested = true;
    }

    // ------------------------------------------------------------------ state changes (UI thread)

    private void opened(Path folder, TraceSet read) {
        traces = read;
        result = null;
        rows.clear();
        long most = 1;
        for (AgentTrace t : read.byAgent()) {
            most = Math.max(most, t == null ? 0 : t.size());
        }
        for (int i = 0; i < workflow.agents().size(); i++) {
            AgentTrace t = read.byAgent().get(i);
            String id = workflow.agents().get(i).id();
            rows.add(t == null ? new AgentRow(id, "(no trace)", 0, 0, 0, 0, 0)
                    : new AgentRow(id, t.file().getFileName().toString(), t.decisions(), t.outcomes(), t.size(),
                    t.pendingDecisions(), t.orphanOutcomes()));
            agentActivity[i] = t == null ? 0 : (double) t.size() / most;
        }
        showEdges(read.edgeScalars());
        canvasText.set("edges: mean scalar received, as the traces record it (handoffs)");
        folderText.set(String.format(Locale.ROOT, "%s: %,d handoffs from %d agents' traces", folder, read.records(),
                read.byAgent().stream().filter(t -> t != null).count()));
        resultText.set("");
        state.set(State.OPEN);
    }

    private void learned(OfflineLearning.Result r) {
        result = r;
        showEdges(r.learnedEdgeScalars());
        canvasText.set("edges: mean scalar the learned agents send back (handoffs)");
        var s = r.summary();
        resultText.set(String.format(Locale.ROOT, "%s after %d rounds (last change %.2g): greedy return J = %.4f (%s)%s. Run folder: %s",
                r.converged() ? "Converged" : "Stopped", r.rounds(), r.lastChange(), s.meanReturn(), s.returnEvaluation(),
                s.oracleReturn() == null ? "" : String.format(Locale.ROOT, ", oracle J* = %.4f", s.oracleReturn()), s.runDir()));
        state.set(State.LEARNED);
    }

    private static List<String> problemsOf(Exception e) {
        return e instanceof TraceFormatException t ? t.problems() : List.of(String.valueOf(e.getMessage()));
    }

    private void failed(String what, List<String> why) {
        errorText.set(what);
        problems.setAll(why);
        state.set(traces == null ? State.FAILED : State.OPEN);
        if (traces == null) {
            folderText.set("No traces open");
        }
        resultText.set(result == null ? "" : resultText.get());
    }

    private void showEdges(List<TraceSet.EdgeScalar> edges) {
        java.util.Arrays.fill(edgeCount, 0);
        java.util.Arrays.fill(edgeMean, Double.NaN);
        List<HandoffSpec> handoffs = workflow.handoffs();
        for (TraceSet.EdgeScalar e : edges) {
            String to = e.to() == null ? HandoffSpec.STOP : e.to();
            for (int k = 0; k < handoffs.size(); k++) {
                if (handoffs.get(k).from().equals(e.from()) && handoffs.get(k).to().equals(to)) {
                    edgeCount[k] = e.count();
                    edgeMean[k] = e.mean();
                }
            }
        }
        revision.set(revision.get() + 1);
    }

    // ------------------------------------------------------------------ GraphActivity (the canvas)

    @Override
    public Workflow workflow() {
        return workflow;
    }

    @Override
    public double activity(int agent) {
        return agentActivity[agent];
    }

    @Override
    public int holder() {
        return -1;
    }

    @Override
    public int selectedAgent() {
        return -1;
    }

    @Override
    public long edgeRecentCount(int e) {
        return edgeCount[e];
    }

    @Override
    public double edgeRecentMean(int e) {
        return edgeMean[e];
    }

    // ------------------------------------------------------------------ read-only state

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderTextProperty() {
        return folderText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty canvasTextProperty() {
        return canvasText.getReadOnlyProperty();
    }

    /** Changes whenever the canvas should be redrawn. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableList<AgentRow> rows() {
        return rowsView;
    }

    public ObservableList<RoundPoint> rounds() {
        return roundsView;
    }

    /** Why the last open or learn failed, one line each (file:line: /path: message for trace problems). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The last learning's result, or null. */
    public OfflineLearning.Result result() {
        return result;
    }

    /** Whether traces are open and can be learned from. */
    public boolean canLearn() {
        return traces != null && state.get() != State.LEARNING && state.get() != State.READING;
    }
}
