package dev.handoff.offline;

import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentProbe;
import dev.handoff.components.ComponentReading;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.trace.AgentTrace;
import dev.handoff.trace.TraceAgents;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.Algorithm;
import dev.handoff.train.LearnedAgents;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.train.TrainingSummary;
import dev.handoff.train.TrainingWindow;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One seed of tabular IC-Q learned offline from the agents' own traces ({@link OfflineIcq}), as a {@link SeedRun}: a
 * training session, the live dashboard and {@code handoff learn} run it like a simulated seed. Each round replays every
 * recorded handoff once, so after r rounds it is at r × records handoffs, and each round is one {@link TrainingWindow}:
 * per agent its records and its mean batch TD error, per handoff edge the scalars received in that round (no episode is
 * played, so a window has no episode return; the greedy return measures the policy). It ends at the fixed point (no
 * Q-value moved more than the tolerance in a round; its budget is then where it stopped) or at the most rounds.
 *
 * <p>The learned tables live in a tabular IC-Q seed of the same workflow that never simulates: after each round they
 * are copied there, and that seed gives the greedy policy, its return, Q by view, the bundle and the checkpoint. So the
 * run folder is an ordinary {@code icq-tabular} run (restored as one, exported as one), and every figure is computed as
 * for a simulated run. A checkpoint holds the tables only: restoring one goes on learning from them, counting rounds again.
 */
public final class OfflineSeedRun implements SeedRun {
    private final Workflow workflow;
    private final TraceSet traces;
    private final OfflineIcq icq;
    private final SeedRun tables;
    private final OfflineLearning.Settings settings;
    private final long budget;
    private final long records;
    private final long stopsPerRound;
    private final int[][] edgeOf; // agent, action → index of the handoff edge in the workflow
    private long handoffs;
    private String divergence;
    private ComponentProbe probe;
    private FiniteSmdp probeModel;
    private long probeEvery;
    private long nextProbe = Long.MAX_VALUE;
    private Consumer<ComponentReading> probeSink;

    private OfflineSeedRun(Workflow workflow, EnvironmentKind kind, TraceSet traces, OfflineLearning.Settings settings,
                           long seed, long budget) {
        this.workflow = workflow;
        this.traces = traces;
        this.settings = settings;
        this.budget = budget;
        this.tables = SeedRuns.create(workflow, kind, Algorithm.ICQ_TABULAR, seed, budget, null);
        HandoffEnvironment env = tables.environment();
        this.icq = OfflineIcq.of(workflow, env, traces);
        this.records = traces.records();
        long stops = 0;
        for (AgentTrace t : traces.byAgent()) {
            for (int r = 0; t != null && r < t.size(); r++) {
                stops += traces.agents().agent(t.agentIndex()).target(t.action(r)) == HandoffEnvironment.STOP ? 1 : 0;
            }
        }
        this.stopsPerRound = stops;
        this.edgeOf = edgeIndex(workflow, traces.agents());
    }

    /** Made only by {@link OfflineTraces#learner} (through {@link SeedRuns}). */
    static OfflineSeedRun of(Workflow workflow, EnvironmentKind kind, TraceSet traces, OfflineLearning.Settings settings,
                             long seed, long budget) {
        return new OfflineSeedRun(workflow, kind, traces, settings, seed, budget);
    }

    private static int[][] edgeIndex(Workflow w, TraceAgents agents) {
        List<HandoffSpec> edges = w.handoffs();
        int[][] index = new int[w.agents().size()][];
        for (int i = 0; i < index.length; i++) {
            TraceAgents.Agent agent = agents.agent(i);
            index[i] = new int[agent.actionCount()];
            for (int a = 0; a < index[i].length; a++) {
                int target = agent.target(a);
                String to = target == HandoffEnvironment.STOP ? HandoffSpec.STOP : agents.agent(target).id();
                index[i][a] = -1;
                for (int k = 0; k < edges.size(); k++) {
                    if (edges.get(k).from().equals(agent.id()) && edges.get(k).to().equals(to)) {
                        index[i][a] = k;
                    }
                }
            }
        }
        return index;
    }

    // ---- stepping: one round at a time

    @Override
    public boolean runUntil(long target, Consumer<TrainingWindow> sink) {
        long end = Math.min(target, budget);
        while (!finished() && handoffs < end) {
            double change;
            try {
                change = icq.round();
            } catch (ScalarBoard.DuplicateHandoffException e) {
                throw new IllegalStateException(OfflineTraces.duplicateMessage(workflow, traces, e), e);
            }
            handoffs += records;
            copyTables();
            if (!Double.isFinite(change) && divergence == null) {
                divergence = "offline IC-Q diverged in round " + icq.rounds() + " (largest Q change " + change + ")";
            }
            if (sink != null) {
                sink.accept(window());
            }
            if (handoffs >= nextProbe) {
                nextProbe = (handoffs / probeEvery + 1) * probeEvery;
                probeSink.accept(probe.reading(seed(), handoffs, viewTable(probeModel)));
            }
            if (divergence != null) {
                return false;
            }
        }
        return true;
    }

    private void copyTables() {
        LearnedAgents.Tables learned = (LearnedAgents.Tables) tables.learnedAgents();
        for (int i = 0; i < learned.learners().size(); i++) {
            int size = learned.learners().get(i).table().length;
            learned.learners().get(i).restore(icq.table(i, size), icq.visits(i, size));
        }
    }

    /** The round just done as a window: records and batch TD error per agent, scalars received per edge. */
    private TrainingWindow window() {
        int n = icq.agentCount();
        int edges = workflow.handoffs().size();
        double[] td = new double[n];
        long[] decisions = new long[n];
        double[] sum = new double[edges];
        double[] sumSq = new double[edges];
        long[] count = new long[edges];
        for (int i = 0; i < n; i++) {
            td[i] = icq.meanAbsTd(i);
            decisions[i] = icq.records(i);
            for (int a = 0; a < edgeOf[i].length; a++) {
                long k = icq.scalarsReceived(i, a);
                int e = edgeOf[i][a];
                if (k > 0 && e >= 0) {
                    count[e] += k;
                    sum[e] += k * icq.meanScalarReceived(i, a);
                    sumSq[e] += k * icq.meanSquareScalarReceived(i, a);
                }
            }
        }
        double[] mean = new double[edges];
        double[] std = new double[edges];
        for (int e = 0; e < edges; e++) {
            if (count[e] > 0) {
                mean[e] = sum[e] / count[e];
                std[e] = Math.sqrt(Math.max(0, sumSq[e] / count[e] - mean[e] * mean[e]));
            }
        }
        return new TrainingWindow(algorithm(), seed(), handoffs, episodes(), 0, Double.NaN, td, decisions, mean, std, count, 0);
    }

    /** Whether the last round moved no Q-value more than the tolerance. */
    public boolean converged() {
        return icq.lastChange() <= settings.tolerance();
    }

    @Override
    public boolean finished() {
        return converged() || handoffs >= budget || icq.rounds() >= settings.maxRounds();
    }

    @Override
    public long handoffs() {
        return handoffs;
    }

    /** The most handoffs this seed replays; where it stopped once it reached the fixed point. */
    @Override
    public long budget() {
        return converged() ? handoffs : budget;
    }

    @Override
    public long seed() {
        return tables.seed();
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ICQ_TABULAR;
    }

    @Override
    public String divergence() {
        return divergence;
    }

    /** Recorded episodes replayed: the records handed to STOP, once per round. */
    @Override
    public long episodes() {
        return stopsPerRound * icq.rounds();
    }

    @Override
    public long[] decisionsByAgent() {
        long[] d = new long[icq.agentCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = icq.records(i) * icq.rounds();
        }
        return d;
    }

    /** A simulator of the workflow, never stepped while learning (the greedy policy is evaluated on copies). */
    @Override
    public HandoffEnvironment environment() {
        return tables.environment();
    }

    @Override
    public int agentCount() {
        return icq.agentCount();
    }

    // ---- error components

    @Override
    public boolean readsComponents() {
        return true;
    }

    @Override
    public void attachProbe(ComponentAnalysis analysis, FiniteSmdp model, long every, Consumer<ComponentReading> sink) {
        if (every < 1) {
            throw new IllegalArgumentException("probe cadence must be at least 1 handoff");
        }
        this.probe = analysis.probe(ComponentAnalysis.TABULAR, seed());
        this.probeModel = model;
        this.probeEvery = every;
        this.probeSink = sink;
        this.nextProbe = (handoffs / every + 1) * every;
    }

    // ---- the learned policy: the tables seed's

    @Override
    public int greedyAction(HandoffEnvironment env, int agent) {
        return tables.greedyAction(env, agent);
    }

    @Override
    public double greedyReturn(FiniteSmdp model) {
        return tables.greedyReturn(model);
    }

    @Override
    public double simulatedGreedyReturn(long episodes, long evaluationSeed) {
        return tables.simulatedGreedyReturn(episodes, evaluationSeed);
    }

    @Override
    public double[][] viewTable(FiniteSmdp model) {
        return tables.viewTable(model);
    }

    @Override
    public QSnapshot snapshot() {
        QSnapshot s = tables.snapshot();
        return new QSnapshot(s.algorithm(), s.seed(), handoffs, s.q(), s.visits(), s.actions());
    }

    @Override
    public LearnedAgents learnedAgents() {
        return tables.learnedAgents();
    }

    // ---- checkpoints and the run folder

    /** The tables as a tabular IC-Q checkpoint (so the run folder restores as an {@code icq-tabular} run). */
    @Override
    public void saveState(StateWriter w) {
        tables.saveState(w);
    }

    @Override
    public void restoreState(StateReader r) {
        tables.restoreState(r);
        LearnedAgents.Tables learned = (LearnedAgents.Tables) tables.learnedAgents();
        for (int i = 0; i < learned.learners().size(); i++) {
            icq.restore(i, learned.learners().get(i).table(), 0);
        }
        handoffs = 0;
    }

    /** Writes {@value OfflineLearning#REPORT}: the traces used, per agent its record counts, the rounds, the scalars per edge. */
    @Override
    public void writeArtifacts(Path runDir) throws IOException {
        OfflineLearning.writeReport(runDir, result(null));
    }

    /** What learning did so far, with the run's {@code summary} (null: none yet). */
    public OfflineLearning.Result result(TrainingSummary summary) {
        List<OfflineLearning.AgentReport> agents = new ArrayList<>();
        for (int i = 0; i < icq.agentCount(); i++) {
            AgentTrace t = traces.byAgent().get(i);
            agents.add(t == null ? new OfflineLearning.AgentReport(workflow.agents().get(i).id(), null, 0, 0, 0, 0, 0, 0)
                    : new OfflineLearning.AgentReport(t.agentId(), t.file().toString(), t.decisions(), t.outcomes(), t.size(),
                    t.pendingDecisions(), t.orphanOutcomes(), icq.unjoined(i)));
        }
        return new OfflineLearning.Result(summary, icq.rounds(), icq.lastChange(), converged(), agents, traces.edgeScalars(),
                OfflineLearning.learnedEdgeScalars(traces, icq));
    }

    /** The rounds done so far. */
    public int rounds() {
        return icq.rounds();
    }

    @Override
    public void recordHandoffs(dev.handoff.train.HandoffRecorder recorder) {
        if (recorder != null) {
            throw new IllegalArgumentException("a run learned from traces replays them: it records no new traces");
        }
    }

    @Override
    public void close() {
        tables.close();
    }
}
