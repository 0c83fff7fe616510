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
        int[] viewStart = new int[views + 1];
        for (int z : viewOf) {
            viewStart[z + 1]++;
        }
        for (int z = 0; z < views; z++) {
            viewStart[z + 1] += viewStart[z];
        }
        int[] statesByView = new int[viewOf.length];
        int[] fill = viewStart.clone();
        for (int s = 0; s < viewOf.length; s++) {
            statesByView[fill[viewOf[s]]++] = s;
        }
        double[][] reward = new double[views][];
        SparseRow[][] kernel = new SparseRow[views][];
        double[] scratch = new double[views];
        for (int z = 0; z < views; z++) {
            int actions = smdp.actionCountOfAgent()[smdp.agentOfView(z)];
            reward[z] = new double[actions];
            kernel[z] = new SparseRow[actions];
            for (int a = 0; a < actions; a++) {
                for (int i = viewStart[z]; i < viewStart[z + 1]; i++) {
                    int s = statesByView[i];
                    double w = stateGivenView[s];
                    if (w == 0) {
                        continue;
                    }
                    reward[z][a] += w * smdp.reward()[s][a];
                    SparseRow row = smdp.kernel()[s][a];
                    int[] index = row.index();
                    double[] weight = row.weight();
                    for (int e = 0; e < index.length; e++) {
                        scratch[viewOf[index[e]]] += w * weight[e];
                    }
                }
                kernel[z][a] = compressAndClear(scratch);
            }
        }
        return new InterfaceModel(smdp, reward, kernel);
    }

    private static SparseRow compressAndClear(double[] dense) {
        SparseRow row = compress(dense);
        for (int z : row.index()) {
            dense[z] = 0;
        }
        return row;
    }

    private static SparseRow compress(double[] dense) {
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
