package dev.handoff.env.synthetic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything {@link SyntheticEnvironment#step} and {@link SyntheticEnvironment#viewKey} read per handoff, computed once
 * (issue 16.2): each entry is the value {@link SyntheticParameters} or the agent's interface map returns for its
 * arguments, by the same call, so reading the table gives bit for bit what computing it on the spot gave. The per-handoff
 * path is then table reads, one uniform draw's logarithm and one division.
 *
 * <p>Tables that depend on the agent (progress probabilities, view keys) are shared between agents with equal rows,
 * so a ring of 10,000 agents holds a handful of rows, not 10,000.
 */
final class SyntheticStepTables {
    /** Durations τ below this read γ^τ and the option reward from a table; longer ones compute them. */
    static final int TAU_TABLE = 256;

    private final int levels;
    private final int difficulties;
    /** Where agent i's actions start in {@link #optionOf} and {@link #targetOf}. */
    final int[] actionBase;
    final int[] optionOf;
    final int[] targetOf;
    /** log(1 − q) of the option's per-step end probability q, at {@link #durationIndex}. */
    final double[] logOneMinusQ;
    /** Whether q ≥ 1 there (the option always lasts one step). */
    final boolean[] endsAtOnce;
    /** Agent i's progress probabilities at {@link #progressIndex} (rows shared between agents). */
    final double[][] progress;
    /** Terminal reward by {@code g' · H + h}. */
    final double[] terminal;
    /** γ^τ = exp(τ · log γ) and the option reward −cost·(1 − γ^τ)/(1 − γ), by τ. */
    final double[] gammaTau = new double[TAU_TABLE];
    final double[] reward = new double[TAU_TABLE];
    /** Agent i's interface key at {@link #viewIndex}, or −1 where its map refuses the state (it is asked again, to throw). */
    final int[][] viewKeys;

    SyntheticStepTables(SyntheticParameters params, SyntheticWorkflowGraph graph, double gamma, double logGamma) {
        int n = graph.agents;
        levels = params.progressLevels();
        difficulties = params.difficultyLevels();
        int options = SyntheticParameters.OPTIONS;
        actionBase = new int[n + 1];
        for (int i = 0; i < n; i++) {
            actionBase[i + 1] = actionBase[i] + graph.actionCount(i);
        }
        optionOf = new int[actionBase[n]];
        targetOf = new int[actionBase[n]];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < graph.actionCount(i); a++) {
                optionOf[actionBase[i] + a] = graph.option(i, a);
                targetOf[actionBase[i] + a] = graph.target(i, a);
            }
        }
        logOneMinusQ = new double[options * 2 * difficulties];
        endsAtOnce = new boolean[logOneMinusQ.length];
        for (int o = 0; o < options; o++) {
            for (int busy = 0; busy < 2; busy++) {
                for (int h = 0; h < difficulties; h++) {
                    double q = params.durationEndProbability(o, busy == 1, h);
                    endsAtOnce[durationIndex(o, busy, h)] = q >= 1;
                    logOneMinusQ[durationIndex(o, busy, h)] = Math.log(1 - q);
                }
            }
        }
        Map<RowKey, double[]> sharedProgress = new HashMap<>();
        progress = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[options * levels * difficulties];
            for (int o = 0; o < options; o++) {
                for (int g = 0; g < levels; g++) {
                    for (int h = 0; h < difficulties; h++) {
                        row[progressIndex(o, g, h)] = params.progressProbability(i, o, g, h);
                    }
                }
            }
            progress[i] = sharedProgress.computeIfAbsent(RowKey.of(row), k -> row);
        }
        terminal = new double[levels * difficulties];
        for (int g = 0; g < levels; g++) {
            for (int h = 0; h < difficulties; h++) {
                terminal[g * difficulties + h] = params.terminalReward(g, h);
            }
        }
        for (int tau = 0; tau < TAU_TABLE; tau++) {
            gammaTau[tau] = Math.exp(logGamma * tau);
            reward[tau] = params.optionReward(gamma, gammaTau[tau]);
        }
        Map<RowKey, int[]> sharedKeys = new HashMap<>();
        viewKeys = new int[n][];
        double[] features = new double[2];
        for (int i = 0; i < n; i++) {
            int[] row = new int[levels * difficulties * 2];
            for (int g = 0; g < levels; g++) {
                for (int h = 0; h < difficulties; h++) {
                    for (int p = 0; p < 2; p++) {
                        features[SyntheticEnvironment.PROGRESS] = g;
                        features[SyntheticEnvironment.DIFFICULTY] = h;
                        row[viewIndex(g, h, p)] = keyOrRefusal(graph, i, features, p);
                    }
                }
            }
            viewKeys[i] = sharedKeys.computeIfAbsent(RowKey.of(row), k -> row);
        }
    }

    private static int keyOrRefusal(SyntheticWorkflowGraph graph, int agent, double[] features, int p) {
        try {
            return graph.interfaces[agent].key(features, p);
        } catch (IllegalArgumentException refused) {
            return -1;
        }
    }

    int durationIndex(int option, int busy, int h) {
        return (option * 2 + busy) * difficulties + h;
    }

    int progressIndex(int option, int g, int h) {
        return (option * levels + g) * difficulties + h;
    }

    int viewIndex(int g, int h, int p) {
        return (g * difficulties + h) * 2 + p;
    }

    int terminalIndex(int g, int h) {
        return g * difficulties + h;
    }

    /** A table row compared by its bits, to share equal rows. */
    private record RowKey(long[] bits) {
        static RowKey of(double[] row) {
            long[] b = new long[row.length];
            for (int k = 0; k < row.length; k++) {
                b[k] = Double.doubleToRawLongBits(row[k]);
            }
            return new RowKey(b);
        }

        static RowKey of(int[] row) {
            return new RowKey(Arrays.stream(row).asLongStream().toArray());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }
}
