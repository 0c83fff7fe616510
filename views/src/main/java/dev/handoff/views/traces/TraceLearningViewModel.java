package dev.handoff.views.traces;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.offline.OfflineLearning;
import dev.handoff.offline.OfflineTraces;
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
 * on the canvas the mean scalar each edge carried), then handed to the training dashboard, which learns IC-Q from them
 * alone in the same training session as every run ({@code FROM_TRACES}; the same engine as {@code handoff learn}).
 * Reading goes through a {@link TaskExecutor}, so every property changes on the FX thread; tests pass a
 * {@link dev.handoff.views.task.DirectTaskExecutor} and need no screen.
 */
public final class TraceLearningViewModel implements GraphActivity {
    /** Where the view-model is: nothing open, reading, traces open (and learnable), or failed. */
    public enum State { EMPTY, READING, OPEN, FAILED }

    /** One agent's trace as the table shows it. */
    public record AgentRow(String agent, String file, long decisions, long outcomes, long handoffs, long pending,
                           long orphans) {
    }

    private final Workflow workflow;
    private final EnvironmentKind kind;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EMPTY);
    private final ReadOnlyStringWrapper folderText = new ReadOnlyStringWrapper("No traces open: File ▸ Learn from traces… or Open traces…");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper canvasText = new ReadOnlyStringWrapper("edges: mean scalar received (handoffs)");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // read-only views made once: a wrapper listens to its list weakly, so one made per call can vanish with its listeners
    private final ObservableList<AgentRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final long[] edgeCount;
    private final double[] edgeMean;
    private final double[] agentActivity;
    private final java.util.function.Consumer<OfflineTraces> dashboard;
    private OfflineTraces traces;

    /**
     * Reading goes to {@code tasks} (the application's {@link dev.handoff.views.task.FxTaskExecutor}); {@link #learn}
     * hands the open traces to {@code dashboard}, which opens the training dashboard learning from them.
     */
    public TraceLearningViewModel(Workflow workflow, EnvironmentKind kind, TaskExecutor tasks,
                                  java.util.function.Consumer<OfflineTraces> dashboard) {
        this.workflow = workflow;
        this.kind = kind;
        this.tasks = tasks;
        this.dashboard = dashboard;
        this.edgeCount = new long[workflow.handoffs().size()];
        this.edgeMean = new double[workflow.handoffs().size()];
        this.agentActivity = new double[workflow.agents().size()];
    }

    // ------------------------------------------------------------------ commands

    /** Opens every {@code *.jsonl} in {@code folder} as one agent's trace each, checked against the workflow. */
    public void open(Path folder) {
        state.set(State.READING);
        folderText.set("Reading " + folder + " …");
        errorText.set("");
        problems.clear();
        tasks.execute(new BackgroundTask<>("read traces", () -> OfflineTraces.of(workflow, kind, TraceSet.read(workflow,
                kind.create(workflow), TraceSet.filesIn(folder)), OfflineLearning.Settings.DEFAULTS),
                read -> opened(folder, read), e -> failed(e instanceof TraceFormatException
                ? "The traces in " + folder + " do not fit this workflow" : "Cannot read traces from " + folder, problemsOf(e))));
    }

    /**
     * Learn in the training dashboard: hands the open traces to it, which learns IC-Q from them alone (a round per
     * window) with its run control, curves, greedy return against the oracle, error components and export.
     */
    public void learn() {
        if (canLearn()) {
            dashboard.accept(traces);
        }
    }

    // ------------------------------------------------------------------ state changes (UI thread)

    private void opened(Path folder, OfflineTraces source) {
        TraceSet read = source.traces();
        traces = source;
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
        state.set(State.OPEN);
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

    /** Why the last open or learn failed, one line each (file:line: /path: message for trace problems). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The open traces, or null. */
    public OfflineTraces traces() {
        return traces;
    }

    /** Whether traces are open and can be learned from. */
    public boolean canLearn() {
        return traces != null && state.get() == State.OPEN;
    }
}
