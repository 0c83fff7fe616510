package dev.handoff.trace;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.train.HandoffRecorder;
import dev.handoff.workflow.Workflow;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes what a simulated run does as each agent's own trace, one file per agent ({@code DIR/<agent id>.jsonl}), in
 * the same format a deployed agent's service logs: per handoff a decision line and an outcome line, each in the
 * acting agent's file only. Handoff ids are {@code s<seed>-<n>} with n the run's decision count (so the handoff that
 * passes decision n's work on is decision n+1's); times are the simulated clock, one second per primitive step from
 * 1970-01-01T00:00:00Z (the handoff times t_k of ICQ.md §1). Each decision's features are the ones the agent sees of
 * its view (for a binned real feature the bin's middle). Needs one artifact in flight at a time (every kind but
 * routing).
 */
public final class SimulatedTraces implements HandoffRecorder, Closeable {
    private final TraceAgents agents;
    private final TraceWriter[] writers;
    private final java.util.List<java.util.Map<Integer, String>> featuresOfView = new java.util.ArrayList<>();
    private final String prefix;
    private long decision;
    private long clock;
    private int expectedHolder = -1;

    private SimulatedTraces(TraceAgents agents, TraceWriter[] writers, long seed, long firstDecision) {
        this.agents = agents;
        this.writers = writers;
        for (int i = 0; i < agents.size(); i++) {
            featuresOfView.add(new java.util.HashMap<>());
        }
        this.prefix = "s" + seed + "-";
        this.decision = firstDecision;
    }

    /**
     * Opens one trace file per agent of {@code w} in {@code dir} (which must not hold traces already), for a run of
     * {@code seed} whose next decision is number {@code firstDecision}.
     */
    public static SimulatedTraces open(Path dir, Workflow w, HandoffEnvironment env, long seed, long firstDecision)
            throws IOException {
        TraceAgents agents = TraceAgents.of(w, env);
        Files.createDirectories(dir);
        TraceWriter[] writers = new TraceWriter[agents.size()];
        try {
            for (int i = 0; i < writers.length; i++) {
                Path file = dir.resolve(fileName(agents.agent(i).id()));
                if (Files.exists(file)) {
                    throw new IOException(file + " already exists: write each run's traces to a new folder");
                }
                writers[i] = TraceWriter.append(file, false);
            }
        } catch (IOException | RuntimeException e) {
            for (TraceWriter t : writers) {
                if (t != null) {
                    t.close();
                }
            }
            throw e;
        }
        return new SimulatedTraces(agents, writers, seed, firstDecision);
    }

    /** The trace file name of an agent: its id, characters outside {@code [A-Za-z0-9._-]} replaced by '_'. */
    public static String fileName(String agentId) {
        return agentId.replaceAll("[^A-Za-z0-9._-]", "_") + TraceFormat.EXTENSION;
    }

    @Override
    public void record(int agent, int view, int action, StepOutcome outcome, double scalarReceived, double scalarSent) {
        if (expectedHolder >= 0 && agent != expectedHolder) {
            throw new IllegalStateException("agent " + agents.agent(agent).id() + " decided right after the work was handed "
                    + "to " + agents.agent(expectedHolder).id() + ": this kind has several artifacts in flight, which a "
                    + "simulated trace cannot follow");
        }
        TraceAgents.Agent who = agents.agent(agent);
        String id = prefix + decision;
        String next = outcome.stopped() ? null : prefix + (decision + 1);
        String time = Instant.ofEpochSecond(clock).toString();
        try {
            writers[agent].decision(who.id(), id, time, features(who, view),
                    who.features().needsPrivateState() ? who.features().privateStateOfView(view) : null, action,
                    who.actionLabels().get(action), scalarSent);
            writers[agent].outcome(who.id(), id, null, outcome.reward, outcome.tau, next, scalarReceived);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace of agent " + who.id(), e);
        }
        decision++;
        clock += outcome.tau;
        expectedHolder = outcome.stopped() ? -1 : outcome.receiver;
    }

    private String features(TraceAgents.Agent who, int view) {
        return featuresOfView.get(who.index()).computeIfAbsent(view,
                z -> who.features().json(who.features().artifactOfView(z)));
    }

    /** Lines written to each agent's file so far, by agent index. */
    public long[] linesByAgent() {
        long[] lines = new long[writers.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = writers[i].lines();
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (TraceWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
