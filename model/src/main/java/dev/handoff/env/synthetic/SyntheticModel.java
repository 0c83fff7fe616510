package dev.handoff.env.synthetic;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.FiniteSmdp.SparseRow;
import dev.handoff.exact.ModelSize;
import dev.handoff.input.HeapBudget;

import java.util.Map;
import java.util.TreeMap;

/**
 * The synthetic IC-SMDP written out as a {@link FiniteSmdp} for the exact solver (ICQ.md §5 "Exact quantities"):
 * joint states s = (c, g, h, p), the discounted kernel K(s'|s,a) = E[γ^τ]·P(g')·P(h'|h)·P(p'), STOP folded into R,
 * and the undiscounted next-epoch law with STOP → reset for the behaviour chain.
 */
public final class SyntheticModel {
    private SyntheticModel() {
    }

    public static int jointStateCount(int agents, SyntheticParameters prm) {
        return agents * prm.progressLevels() * prm.difficultyLevels() * 2;
    }

    public static int jointState(int c, int g, int h, int p, SyntheticParameters prm) {
        return ((c * prm.progressLevels() + g) * prm.difficultyLevels() + h) * 2 + p;
    }

    static FiniteSmdp build(SyntheticParameters prm, SyntheticWorkflowGraph graph, double gamma) {
        int n = graph.agents;
        int bigG = prm.progressLevels();
        int bigH = prm.difficultyLevels();
        int states = jointStateCount(n, prm);
        double beta = prm.busyProbability();

        int[] viewCountOfAgent = new int[n];
        int[] viewOffset = new int[n];
        int[] actionCountOfAgent = new int[n];
        for (int i = 0, off = 0; i < n; i++) {
            viewOffset[i] = off;
            viewCountOfAgent[i] = graph.interfaces[i].viewCount();
            actionCountOfAgent[i] = graph.actionCount(i);
            off += viewCountOfAgent[i];
        }
        int[] agentOf = new int[states];
        int[] viewOf = new int[states];
        double[][] reward = new double[states][];
        double[][] discount = new double[states][];
        SparseRow[][] kernel = new SparseRow[states][];
        SparseRow[][] next = new SparseRow[states][];
        SparseRow[] resetByDifficulty = new SparseRow[bigH]; // STOP's next law depends only on h: one shared row each
        double[] features = new double[2];

        for (int c = 0; c < n; c++) {
            for (int g = 0; g < bigG; g++) {
                for (int h = 0; h < bigH; h++) {
                    for (int p = 0; p < 2; p++) {
                        int s = jointState(c, g, h, p, prm);
                        agentOf[s] = c;
                        features[SyntheticEnvironment.PROGRESS] = g;
                        features[SyntheticEnvironment.DIFFICULTY] = h;
                        viewOf[s] = viewOffset[c] + graph.interfaces[c].key(features, p);
                        int actions = graph.actionCount(c);
                        reward[s] = new double[actions];
                        discount[s] = new double[actions];
                        kernel[s] = new SparseRow[actions];
                        next[s] = new SparseRow[actions];
                        for (int a = 0; a < actions; a++) {
                            fill(prm, graph, gamma, c, g, h, p, a, s, reward, discount, kernel, next, beta,
                                    resetByDifficulty);
                        }
                    }
                }
            }
        }
        double[] initial = new double[states];
        for (int c = 0; c < n; c++) {
            for (int g = 0; g < bigG - 1; g++) {
                for (int h = 0; h < bigH; h++) {
                    for (int p = 0; p < 2; p++) {
                        initial[jointState(c, g, h, p, prm)] = (1.0 / n) * (1.0 / (bigG - 1)) * (1.0 / bigH) * (p == 1 ? beta : 1 - beta);
                    }
                }
            }
        }
        return new FiniteSmdp(n, agentOf, viewOf, viewOffset, viewCountOfAgent, actionCountOfAgent, reward, kernel, next,
                discount, initial);
    }

    private static void fill(SyntheticParameters prm, SyntheticWorkflowGraph graph, double gamma, int c, int g, int h, int p,
                             int a, int s, double[][] reward, double[][] discount, SparseRow[][] kernel,
                             SparseRow[][] next, double beta, SparseRow[] resetByDifficulty) {
        int bigG = prm.progressLevels();
        int bigH = prm.difficultyLevels();
        int o = graph.option(c, a);
        int j = graph.target(c, a);
        double q = prm.durationEndProbability(o, p == 1, h);
        double eGammaTau = q >= 1 ? gamma : SyntheticParameters.expectedDiscount(gamma, q);
        discount[s][a] = eGammaTau;
        double r = prm.optionReward(gamma, eGammaTau);
        double adv = prm.progressProbability(c, o, g, h);
        double[] pG = {1 - adv, adv};
        double[] pH = new double[bigH];
        for (int h2 = 0; h2 < bigH; h2++) {
            pH[h2] = prm.eta() / bigH + (h2 == h ? 1 - prm.eta() : 0);
        }
        TreeMap<Integer, Double> k = new TreeMap<>();
        TreeMap<Integer, Double> nx = new TreeMap<>();
        for (int step = 0; step < 2; step++) {
            double pg = pG[step];
            if (pg == 0) {
                continue;
            }
            int g2 = Math.min(g + step, bigG - 1);
            if (j == HandoffEnvironment.STOP) {
                r += eGammaTau * pg * prm.terminalReward(g2, h);
                continue;
            }
            for (int h2 = 0; h2 < bigH; h2++) {
                for (int p2 = 0; p2 < 2; p2++) {
                    double prob = pg * pH[h2] * (p2 == 1 ? beta : 1 - beta);
                    int s2 = jointState(j, g2, h2, p2, prm);
                    k.merge(s2, eGammaTau * prob, Double::sum);
                    nx.merge(s2, prob, Double::sum);
                }
            }
        }
        reward[s][a] = r;
        kernel[s][a] = toRow(k);
        if (j == HandoffEnvironment.STOP) {
            if (resetByDifficulty[h] == null) {
                resetByDifficulty[h] = resetRow(prm, graph.agents, pH, beta);
            }
            next[s][a] = resetByDifficulty[h];
        } else {
            next[s][a] = toRow(nx);
        }
    }

    /**
     * STOP followed by the reset law: a fresh task at a uniform agent and progress, difficulty drawn from P(h'|h),
     * busy with probability β. The same for every STOP action at difficulty h, so built once per h and shared: per
     * action it would make the model quadratic in the agents.
     */
    private static SparseRow resetRow(SyntheticParameters prm, int n, double[] pH, double beta) {
        int bigG = prm.progressLevels();
        int bigH = prm.difficultyLevels();
        int size = n * (bigG - 1) * bigH * 2;
        int[] index = new int[size];
        double[] weight = new double[size];
        int e = 0;
        for (int c2 = 0; c2 < n; c2++) {
            for (int g2 = 0; g2 < bigG - 1; g2++) {
                for (int h2 = 0; h2 < bigH; h2++) {
                    for (int p2 = 0; p2 < 2; p2++) {
                        index[e] = jointState(c2, g2, h2, p2, prm); // increasing in (c2, g2, h2, p2)
                        weight[e++] = (1.0 / n) * (1.0 / (bigG - 1)) * pH[h2] * (p2 == 1 ? beta : 1 - beta);
                    }
                }
            }
        }
        return new SparseRow(index, weight);
    }

    /**
     * The size of the model {@link #build} would make, counted without building it: its joint states, the bytes of its
     * arrays (upper bounds on rows, the shared reset rows once) and the entries of the behaviour chain over it.
     */
    static ModelSize size(SyntheticParameters prm, SyntheticWorkflowGraph graph) {
        long n = graph.agents;
        long bigG = prm.progressLevels();
        long bigH = prm.difficultyLevels();
        long perAgent = bigG * bigH * 2;
        long states = n * perAgent;
        long resetEntries = n * (bigG - 1) * bigH * 2;
        long rowEntries = 2 * bigH * 2; // progress stays or advances, times h', times busy
        long rowBytes = 3 * 16;          // a SparseRow and its two arrays
        long bytes = states * (4 + 4 + 8) + bigH * (rowBytes + 12 * resetEntries); // agentOf, viewOf, initial; reset rows
        long chainEntries = 0;
        for (int c = 0; c < n; c++) {
            long actions = graph.actionCount(c);
            long stopActions = 0;
            for (int a = 0; a < actions; a++) {
                if (graph.target(c, a) == HandoffEnvironment.STOP) {
                    stopActions++;
                }
            }
            long perState = 4 * 16 + actions * (8 + 8 + 4 + 4) // reward, discount, kernel and next rows of the state
                    + actions * (rowBytes + 12 * rowEntries)     // kernel rows
                    + (actions - stopActions) * (rowBytes + 12 * rowEntries); // next rows (STOP's are shared)
            bytes = HeapBudget.plus(bytes, HeapBudget.times(perAgent, perState));
            long chainRow = (actions - stopActions > 0 ? (actions - stopActions) * rowEntries : 0)
                    + (stopActions > 0 ? resetEntries : 0);
            chainEntries = HeapBudget.plus(chainEntries, HeapBudget.times(perAgent, Math.min(chainRow, states)));
        }
        return new ModelSize(states, bytes, chainEntries);
    }

    private static SparseRow toRow(Map<Integer, Double> m) {
        int[] idx = new int[m.size()];
        double[] w = new double[m.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : m.entrySet()) {
            idx[i] = e.getKey();
            w[i++] = e.getValue();
        }
        return new SparseRow(idx, w);
    }
}
