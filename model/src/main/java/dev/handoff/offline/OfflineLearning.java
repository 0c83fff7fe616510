package dev.handoff.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.TrainingPlan;
import dev.handoff.train.TrainingSession;
import dev.handoff.train.TrainingSummary;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code handoff learn}: IC-Q trained offline from the agents' own trace files (one per agent) and nothing else, in a
 * training session like any run ({@link OfflineSeedRun}), written as a normal run folder (plus {@code offline.json}: the
 * traces used, per-agent record counts, the rounds, the scalars per edge).
 */
public final class OfflineLearning {
    /** The report file beside the run folder's usual files. */
    public static final String REPORT = dev.handoff.train.RunFolder.OFFLINE_REPORT;

    private OfflineLearning() {
    }

    /** How long to iterate: at most {@code maxRounds} rounds, stopping once no Q-value moves more than {@code tolerance}. */
    public record Settings(int maxRounds, double tolerance, long seed) {
        public static final Settings DEFAULTS = new Settings(10_000, 1e-9, 1);

        public Settings {
            if (maxRounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, is " + maxRounds);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be ≥ 0, is " + tolerance);
            }
        }
    }

    /** One agent's trace as learning used it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"agent", "file", "decisions", "outcomes", "records", "pendingDecisions", "orphanOutcomes", "unjoined"})
    public record AgentReport(String agent, String file, long decisions, long outcomes, long records, long pendingDecisions,
                              long orphanOutcomes, long unjoined) {
    }

    /** What {@link #learn} did: the run's summary (null in {@value #REPORT}, beside summary.json), the rounds, and each agent's trace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"summary", "rounds", "lastChange", "converged", "agents", "edgeScalars", "learnedEdgeScalars"})
    public record Result(TrainingSummary summary, int rounds, double lastChange, boolean converged, List<AgentReport> agents,
                         List<TraceSet.EdgeScalar> edgeScalars, List<TraceSet.EdgeScalar> learnedEdgeScalars) {
    }

    /**
     * Per edge, the mean scalar each agent received in the last round (what the learned agents send each other), from
     * the sender's own records: its action names the edge.
     */
    public static List<TraceSet.EdgeScalar> learnedEdgeScalars(TraceSet traces, OfflineIcq icq) {
        List<TraceSet.EdgeScalar> edges = new ArrayList<>();
        for (int i = 0; i < icq.agentCount(); i++) {
            var agent = traces.agents().agent(i);
            java.util.Map<Integer, double[]> byTarget = new java.util.TreeMap<>();
            for (int a = 0; a < agent.actionCount(); a++) {
                long n = icq.scalarsReceived(i, a);
                if (n > 0) {
                    double[] acc = byTarget.computeIfAbsent(agent.target(a), k -> new double[2]);
                    acc[0] += n;
                    acc[1] += n * icq.meanScalarReceived(i, a);
                }
            }
            byTarget.forEach((target, acc) -> edges.add(new TraceSet.EdgeScalar(agent.id(),
                    target == HandoffEnvironment.STOP ? null : traces.agents().agent(target).id(), (long) acc[0], acc[1] / acc[0])));
        }
        return edges;
    }

    /** Reads the trace files, learns, and writes the run folder {@code out}. */
    public static Result learn(Workflow w, EnvironmentKind kind, List<Path> files, Settings settings, Path out,
                               Consumer<String> progress) throws IOException, TraceFormatException {
        requireNewFolder(out);
        TraceSet traces = TraceSet.read(w, kind.create(w), files);
        progress.accept("read " + traces.records() + " handoffs from " + files.size() + " trace files ("
                + traces.handoffCount() + " handoff ids)");
        return learn(w, kind, traces, settings, out, progress);
    }

    /**
     * Learns from traces already read in a {@link TrainingSession} of one {@link OfflineSeedRun} (the same session the
     * dashboard runs), which writes the run folder {@code out} through the usual run-folder writer plus {@value #REPORT}.
     */
    public static Result learn(Workflow w, EnvironmentKind kind, TraceSet traces, Settings settings, Path out,
                               Consumer<String> progress) throws IOException, TraceFormatException {
        requireNewFolder(out);
        OfflineTraces source = OfflineTraces.of(w, kind, traces, settings);
        TrainingPlan plan = source.plan(w, kind, settings.seed()).withOutput(TrainingPlan.Output.into(out));
        TrainingSession.Result done;
        try {
            done = TrainingSession.create(plan, progress).runToEnd(progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("learning from traces was interrupted");
        }
        OfflineSeedRun run = (OfflineSeedRun) done.trainers().get(0);
        progress.accept("after " + run.rounds() + " rounds the largest Q change is " + run.result(null).lastChange());
        Result result = run.result(done.summary());
        writeReport(out, result);
        return result;
    }

    private static void requireNewFolder(Path out) throws IOException {
        if (Files.exists(out.resolve("manifest.json"))) {
            throw new IOException(out + " already holds a run: give a new folder");
        }
    }

    /** Writes {@code result} as {@value #REPORT} into {@code runDir}. */
    static void writeReport(Path runDir, Result result) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(runDir.resolve(REPORT).toFile(), result);
    }

    /** Runs the rounds on traces already read; reports progress about once a second. */
    public static OfflineIcq fit(Workflow w, HandoffEnvironment env, TraceSet traces, Settings settings,
                                 Consumer<String> progress) throws TraceFormatException {
        OfflineIcq icq = OfflineIcq.of(w, env, traces);
        long last = System.nanoTime();
        try {
            while (icq.rounds() < settings.maxRounds() && !Thread.currentThread().isInterrupted()) {
                double change = icq.round();
                if (change <= settings.tolerance()) {
                    break;
                }
                if (System.nanoTime() - last > 1_000_000_000L) {
                    last = System.nanoTime();
                    progress.accept("round " + icq.rounds() + ": largest Q change " + icq.lastChange());
                }
            }
        } catch (ScalarBoard.DuplicateHandoffException e) {
            throw new TraceFormatException(List.of(OfflineTraces.duplicateMessage(w, traces, e)));
        }
        progress.accept("after " + icq.rounds() + " rounds the largest Q change is " + icq.lastChange());
        return icq;
    }
}
