package dev.handoff.trace;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The traces of a workflow's agents, one file per agent, each read and checked on its own; handoff ids are numbered
 * across them (the only thing they share). Agents without a file have none.
 */
public final class TraceSet {
    /** The mean scalar an agent received for the handoffs it made along one edge (to = null: the work stopped). */
    public record EdgeScalar(String from, String to, long count, double mean) {
    }

    private final TraceAgents agents;
    private final List<AgentTrace> byAgent;
    private final HandoffIds ids;

    private TraceSet(TraceAgents agents, List<AgentTrace> byAgent, HandoffIds ids) {
        this.agents = agents;
        this.byAgent = byAgent;
        this.ids = ids;
    }

    /** The trace files in a folder: every {@code *.jsonl}, by name. */
    public static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(TraceFormat.EXTENSION) && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IOException(dir + " holds no trace files (*" + TraceFormat.EXTENSION + ")");
            }
            return files;
        }
    }

    /** Reads {@code files} against workflow {@code w} (actions from {@code env}); every problem of every file, or the set. */
    public static TraceSet read(Workflow w, HandoffEnvironment env, List<Path> files) throws IOException, TraceFormatException {
        TraceAgents agents = TraceAgents.of(w, env);
        HandoffIds ids = new HandoffIds();
        TraceReader reader = new TraceReader(agents, ids);
        List<String> problems = new ArrayList<>();
        AgentTrace[] byAgent = new AgentTrace[agents.size()];
        for (Path f : files) {
            AgentTrace t;
            try {
                t = reader.read(f);
            } catch (TraceFormatException e) {
                problems.addAll(e.problems());
                continue;
            }
            AgentTrace earlier = byAgent[t.agentIndex()];
            if (earlier != null) {
                problems.add(f + ": agent " + t.agentId() + " already has a trace file (" + earlier.file()
                        + "); give one file per agent");
                continue;
            }
            byAgent[t.agentIndex()] = t;
        }
        if (!problems.isEmpty()) {
            throw new TraceFormatException(problems);
        }
        return new TraceSet(agents, Arrays.asList(byAgent), ids);
    }

    /** Each agent's trace by workflow index (null where it has none). */
    public List<AgentTrace> byAgent() {
        return byAgent;
    }

    public TraceAgents agents() {
        return agents;
    }

    /** Distinct handoff ids in all the files. */
    public int handoffCount() {
        return ids.size();
    }

    /** The handoff id numbered {@code number}. */
    public String handoffId(int number) {
        return ids.name(number);
    }

    /** Complete handoffs in all the files. */
    public long records() {
        long n = 0;
        for (AgentTrace t : byAgent) {
            n += t == null ? 0 : t.size();
        }
        return n;
    }

    /** The mean scalar received per edge, each from the sending agent's own records (its action names the edge). */
    public List<EdgeScalar> edgeScalars() {
        List<EdgeScalar> edges = new ArrayList<>();
        for (AgentTrace t : byAgent) {
            if (t == null) {
                continue;
            }
            TraceAgents.Agent a = agents.agent(t.agentIndex());
            Map<Integer, double[]> byTarget = new LinkedHashMap<>();
            for (int r = 0; r < t.size(); r++) {
                double[] acc = byTarget.computeIfAbsent(a.target(t.action(r)), k -> new double[2]);
                acc[0]++;
                acc[1] += t.scalarReceived(r);
            }
            byTarget.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> edges.add(new EdgeScalar(a.id(),
                    e.getKey() == HandoffEnvironment.STOP ? null : agents.agent(e.getKey()).id(), (long) e.getValue()[0],
                    e.getValue()[1] / e.getValue()[0])));
        }
        return edges;
    }
}
