package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/**
 * The interface-aggregated SMDP of ICQ.md §2/§5 on views: R̂(z,a) = Σ_{s∈z} μ(s|z) R(s,a) and
 * K̂(z'|z,a) = Σ_{s∈z} μ(s|z) K_σ(z'|s,a), with K_σ(z'|s,a) = Σ_{s': σ(s')=z'} K(s'|s,a). Its Bellman fixed point is
 * the interface fixed point Q̂ that tabular IC-Q converges to. A view that holds no joint state at all has no
 * rewards and no kernel mass (Q̂ = 0 there).
 */
public final class InterfaceModel {
    private final FiniteSmdp smdp;
    private final double[][] reward;
    private final SparseRow[][] kernel;

    private InterfaceModel(FiniteSmdp smdp, double[][] reward, SparseRow[][] kernel) {
        this.smdp = smdp;
        this.reward = reward;
        this.kernel = kernel;
    }

    /** Aggregates with the weights μ(s|σ(s)) (see {@link Occupancy#stateGivenView()}). */
    public static InterfaceModel of(FiniteSmdp smdp, double[] stateGivenView) {
        int views = smdp.viewCount();
        int[] viewOf = smdp.viewOf();
        double[][] reward = new double[views][];
        double[][][] dense = new double[views][][];
        for (int z = 0; z < views; z++) {
            int actions = smdp.actionCountOfAgent()[smdp.agentOfView(z)];
            reward[z] = new double[actions];
            dense[z] = new double[actions][];
        }
        for (int s = 0; s < smdp.stateCount(); s++) {
            int z = viewOf[s];
            double w = stateGivenView[s];
            if (w == 0) {
                continue;
            }
            for (int a = 0; a < reward[z].length; a++) {
                reward[z][a] += w * smdp.reward()[s][a];
                if (dense[z][a] == null) {
                    dense[z][a] = new double[views];
                }
                SparseRow row = smdp.kernel()[s][a];
                int[] index = row.index();
                double[] weight = row.weight();
                double[] target = dense[z][a];
                for (int e = 0; e < index.length; e++) {
                    target[viewOf[index[e]]] += w * weight[e];
                }
            }
        }
        SparseRow[][] kernel = new SparseRow[views][];
        for (int z = 0; z < views; z++) {
            kernel[z] = new SparseRow[reward[z].length];
            for (int a = 0; a < kernel[z].length; a++) {
                kernel[z][a] = compress(dense[z][a]);
            }
        }
        return new InterfaceModel(smdp, reward, kernel);
    }

    private static SparseRow compress(double[] dense) {
        if (dense == null) {
            return new SparseRow(new int[0], new double[0]);
        }
        int count = 0;
        for (double w : dense) {
            if (w != 0) {
                count++;
            }
        }
        int[] index = new int[count];
        double[] weight = new double[count];
        int k = 0;
        for (int z = 0; z < dense.length; z++) {
            if (dense[z] != 0) {
                index[k] = z;
                weight[k] = dense[z];
                k++;
            }
        }
        return new SparseRow(index, weight);
    }

    /** Q̂ by value iteration on (R̂, K̂), to the oracle's tolerance. */
    public QSolution interfaceFixedPoint() {
        return ValueIteration.solve(reward, kernel, OracleSolver.DEFAULT_TOLERANCE,
                OracleSolver.DEFAULT_MAX_ITERATIONS);
    }

    /** R̂[z][a]. */
    public double[][] reward() {
        return reward;
    }

    /** K̂[z][a], a sparse sub-probability row over views. */
    public SparseRow[][] kernel() {
        return kernel;
    }

    /** The model this aggregates. */
    public FiniteSmdp smdp() {
        return smdp;
    }
}
