package dev.handoff.offline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.trace.AgentTrace;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.TablesRunFolder;
import dev.handoff.train.TrainingSummary;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code handoff learn}: IC-Q trained offline from the agents' own trace files (one per agent) and nothing else, then
 * written as a normal run folder (plus {@code offline.json}: the traces used, per-agent record counts, the rounds).
 */
public final class OfflineLearning {
    /** The report file beside the run folder's usual files. */
    public static final String REPORT = "offline.json";

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

    /** What {@link #learn} did: the run's summary, the rounds, and each agent's trace. */
    @JsonPropertyOrder({"summary", "rounds", "lastChange", "converged", "agents", "edgeScalars"})
    public record Result(TrainingSummary summary, int rounds, double lastChange, boolean converged, List<AgentReport> agents,
                         List<TraceSet.EdgeScalar> edgeScalars) {
    }

    /** Reads the trace files, learns, and writes the run folder {@code out}. */
    public static Result learn(Workflow w, EnvironmentKind kind, List<Path> files, Settings settings, Path out,
                               Consumer<String> progress) throws IOException, TraceFormatException {
        if (Files.exists(out.resolve("manifest.json"))) {
            throw new IOException(out + " already holds a run: give a new folder");
        }
        long t0 = System.nanoTime();
        HandoffEnvironment env = kind.create(w);
        TraceSet traces = TraceSet.read(w, env, files);
        progress.accept("read " + traces.records() + " handoffs from " + files.size() + " trace files ("
                + traces.handoffCount() + " handoff ids)");
        OfflineIcq icq = fit(w, env, traces, settings, progress);
        int n = w.agents().size();
        double[][] q = new double[n][];
        long[][] visits = new long[n][];
        for (int i = 0; i < n; i++) {
            int size = env.viewCount(i) * env.actionCount(i);
            q[i] = icq.table(i, size);
            visits[i] = icq.visits(i, size);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        TrainingSummary summary = TablesRunFolder.write(out, w, kind, settings.seed(), traces.records(), q, visits, wall);
        List<AgentReport> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AgentTrace t = traces.byAgent().get(i);
            agents.add(t == null ? new AgentReport(w.agents().get(i).id(), null, 0, 0, 0, 0, 0, 0)
                    : new AgentReport(t.agentId(), t.file().toString(), t.decisions(), t.outcomes(), t.size(),
                            t.pendingDecisions(), t.orphanOutcomes(), icq.unjoined(i)));
        }
        Result result = new Result(summary, icq.rounds(), icq.lastChange(), icq.lastChange() <= settings.tolerance(), agents,
                traces.edgeScalars());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(REPORT).toFile(), result);
        return result;
    }

    /** Runs the rounds on traces already read; reports progress about once a second. */
    public static OfflineIcq fit(Workflow w, HandoffEnvironment env, TraceSet traces, Settings settings,
                                 Consumer<String> progress) throws TraceFormatException {
        int n = w.agents().size();
        int[] views = new int[n];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            views[i] = env.viewCount(i);
            actions[i] = env.actionCount(i);
        }
        OfflineIcq icq = new OfflineIcq(traces.byAgent(), views, actions, w.training().gamma(), traces.handoffCount());
        long last = System.nanoTime();
        try {
            while (icq.rounds() < settings.maxRounds()) {
                if (icq.round() <= settings.tolerance()) {
                    break;
                }
                if (System.nanoTime() - last > 1_000_000_000L) {
                    last = System.nanoTime();
                    progress.accept("round " + icq.rounds() + ": largest Q change " + icq.lastChange());
                }
            }
        } catch (ScalarBoard.DuplicateHandoffException e) {
            throw new TraceFormatException(List.of("the traces of agents " + w.agents().get(e.firstAgent()).id() + " and "
                    + w.agents().get(e.secondAgent()).id() + " both record receiving handoff \"" + traces.handoffId(e.handoff())
                    + "\": each handoff reaches one agent"));
        }
        progress.accept("after " + icq.rounds() + " rounds the largest Q change is " + icq.lastChange());
        return icq;
    }
}
