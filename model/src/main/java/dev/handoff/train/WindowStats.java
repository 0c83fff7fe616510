package dev.handoff.train;

import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.workflow.HandoffGraph;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.Arrays;

/**
 * What one seed's trainer accumulates over a window of handoffs — |TD error| and decisions per agent, the scalar's sum,
 * square and count per handoff edge, finished episodes and their returns — and turns into a {@link TrainingWindow}.
 * Shared by every trainer so that all learners report the same events; recording allocates nothing.
 */
final class WindowStats {
    /** A mean |TD error| beyond this (or not finite) counts as divergence. */
    static final double DIVERGENCE_TD = 1e12;

    /** Names an agent's learner key (an interface view, or a joint state for the oracle) for a person. */
    @FunctionalInterface
    interface KeyNames {
        String describe(int agent, int key);
    }

    /** The edge of (agent, action) at {@code edgeOf[edgeBase[agent] + action]}: one array, so neighbouring agents share cache lines. */
    private final int[] edgeOf;
    private final int[] edgeBase;
    private final double[] tdAbsSum;
    private final long[] decisions;
    private final double[] scalarSum;
    private final double[] scalarSumSq;
    private final long[] scalarCount;
    private final long[] decisionsBefore; // decisions of the windows closed so far (not checkpointed)
    private final java.util.List<String> agentIds;
    private int faultAgent = -1; // the first handoff whose TD error was not finite or beyond DIVERGENCE_TD (not checkpointed)
    private int faultKey;
    private long faultHandoff;
    private double faultTd;
    private long episodes;
    private int windowEpisodes;
    private double windowReturnSum;
    private String divergence;

    WindowStats(Workflow workflow, HandoffEnvironment env) {
        int n = env.agentCount();
        int edges = workflow.handoffs().size();
        int[][] edgeRows = edgeIndex(workflow, env);
        this.edgeBase = new int[n];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            edgeBase[i] = cells;
            cells += edgeRows[i].length;
        }
        this.edgeOf = new int[cells];
        for (int i = 0; i < n; i++) {
            System.arraycopy(edgeRows[i], 0, edgeOf, edgeBase[i], edgeRows[i].length);
        }
        this.tdAbsSum = new double[n];
        this.decisions = new long[n];
        this.decisionsBefore = new long[n];
        this.agentIds = workflow.agents().stream().map(a -> a.id()).toList();
        this.scalarSum = new double[edges];
        this.scalarSumSq = new double[edges];
        this.scalarCount = new long[edges];
    }

    /** Maps (agent, action) to the index of the handoff edge it uses in the workflow's {@code handoffs} list (−1: none). */
    static int[][] edgeIndex(Workflow w, HandoffEnvironment env) {
        HandoffGraph graph = HandoffGraph.of(w); // indexed once: linear in the size of a 10,000-agent workflow
        int[][] edge = new int[env.agentCount()][];
        for (int i = 0; i < edge.length; i++) {
            String from = w.agents().get(i).id();
            edge[i] = new int[env.actionCount(i)];
            for (int a = 0; a < edge[i].length; a++) {
                int j = env.target(i, a);
                String to = j == HandoffEnvironment.STOP ? HandoffSpec.STOP : w.agents().get(j).id();
                edge[i][a] = graph.edgeIndex(from, to);
            }
        }
        return edge;
    }

    void recordDecision(int agent, double td) {
        tdAbsSum[agent] += Math.abs(td);
        decisions[agent]++;
    }

    /** The scalar {@code m} that crossed the edge of (agent, action). */
    void recordScalar(int agent, int action, double m) {
        int edge = edgeOf[edgeBase[agent] + action];
        if (edge >= 0) {
            scalarSum[edge] += m;
            scalarSumSq[edge] += m * m;
            scalarCount[edge]++;
        }
    }

    /**
     * Notes where a divergence starts: the first handoff ({@code handoff}, counted from the run's start) whose TD error
     * {@code td} of {@code agent} at learner key {@code key} was not finite or beyond {@link #DIVERGENCE_TD}. Called by the
     * hot loops only when that happens.
     */
    void noteFault(int agent, int key, long handoff, double td) {
        if (faultAgent < 0) {
            faultAgent = agent;
            faultKey = key;
            faultHandoff = handoff;
            faultTd = td;
        }
    }

    /** Whether {@code td} is a fault worth noting (see {@link #noteFault}). */
    static boolean isFault(double td) {
        return !(Math.abs(td) <= DIVERGENCE_TD);
    }

    void recordEpisode(double episodeReturn) {
        episodes++;
        windowEpisodes++;
        windowReturnSum += episodeReturn;
    }

    long episodes() {
        return episodes;
    }

    /** Decisions per agent so far: those of the closed windows (since this object was made) and of the open one. */
    long[] decisionsSoFar() {
        long[] out = decisionsBefore.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += decisions[i];
        }
        return out;
    }

    /** Why the last closed window counts as divergence, or null. */
    String divergence() {
        return divergence;
    }

    /**
     * The window ending at {@code handoffs}; the accumulators start afresh. A mean |TD error| beyond
     * {@link #DIVERGENCE_TD} (or not finite) marks divergence, described with the first fault ({@code names} names its
     * view).
     */
    TrainingWindow close(Algorithm algorithm, long seed, long handoffs, double epsilon, KeyNames names) {
        int n = tdAbsSum.length;
        double[] td = new double[n];
        for (int i = 0; i < n; i++) {
            td[i] = decisions[i] == 0 ? 0 : tdAbsSum[i] / decisions[i];
            if ((!Double.isFinite(td[i]) || td[i] > DIVERGENCE_TD) && divergence == null) {
                divergence = faultAgent < 0
                        ? "agent " + agentIds.get(i) + ": mean TD error " + td[i] + " in the window ending after " + handoffs + " handoffs"
                        : "agent " + agentIds.get(faultAgent) + ", view " + names.describe(faultAgent, faultKey) + ": TD error "
                        + faultTd + " at handoff " + faultHandoff + " (stopped after " + handoffs + " handoffs)";
            }
        }
        int edges = scalarSum.length;
        double[] mean = new double[edges];
        double[] std = new double[edges];
        for (int e = 0; e < edges; e++) {
            if (scalarCount[e] > 0) {
                mean[e] = scalarSum[e] / scalarCount[e];
                std[e] = Math.sqrt(Math.max(0, scalarSumSq[e] / scalarCount[e] - mean[e] * mean[e]));
            }
        }
        TrainingWindow w = new TrainingWindow(algorithm, seed, handoffs, episodes, windowEpisodes,
                windowEpisodes == 0 ? Double.NaN : windowReturnSum / windowEpisodes, td, decisions.clone(), mean, std,
                scalarCount.clone(), epsilon);
        Arrays.fill(tdAbsSum, 0);
        for (int i = 0; i < n; i++) {
            decisionsBefore[i] += decisions[i];
        }
        Arrays.fill(decisions, 0);
        Arrays.fill(scalarSum, 0);
        Arrays.fill(scalarSumSq, 0);
        Arrays.fill(scalarCount, 0);
        windowEpisodes = 0;
        windowReturnSum = 0;
        return w;
    }

    void save(StateWriter w) {
        w.putLong(episodes).putInt(windowEpisodes).putDouble(windowReturnSum);
        w.putDoubles(tdAbsSum).putLongs(decisions).putDoubles(scalarSum).putDoubles(scalarSumSq).putLongs(scalarCount);
    }

    void restore(StateReader r) {
        episodes = r.getLong();
        windowEpisodes = r.getInt();
        windowReturnSum = r.getDouble();
        System.arraycopy(r.getDoubles(tdAbsSum.length), 0, tdAbsSum, 0, tdAbsSum.length);
        System.arraycopy(r.getLongs(decisions.length), 0, decisions, 0, decisions.length);
        System.arraycopy(r.getDoubles(scalarSum.length), 0, scalarSum, 0, scalarSum.length);
        System.arraycopy(r.getDoubles(scalarSumSq.length), 0, scalarSumSq, 0, scalarSumSq.length);
        System.arraycopy(r.getLongs(scalarCount.length), 0, scalarCount, 0, scalarCount.length);
    }
}
