package dev.handoff.components;

import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.FiniteSmdp.SparseRow;
import dev.handoff.exact.InterfaceModel;
import dev.handoff.learn.neural.TwoLayerReluNetwork;

/**
 * Q_θ∞, the limit of expected (model-based, sample-free) projected semi-gradient TD of the reference networks on the
 * interface model (R̂, K̂) with weights μ(z)b(a|z) (ICQ.md §4), in the linearised (NTK) class F_{R,m} of the theory.
 * The limit θ∞ solves θ = Proj_B(θ + α ∇Q_θᵀ D (T̂Q_θ − Q_θ)), which is exactly Q_θ∞ = Π_F T̂ Q_θ∞; it is computed by
 * iterating the projected Bellman operator Q ← Π_F T̂ Q to its fixed point (same fixed point, far fewer sweeps).
 * The second reading, the best supervised fit min_{f ∈ F} ‖f − Q̂‖_μ, is Π_F Q̂.
 *
 * @param tdFixedPoint  Q_θ∞ by global view
 * @param supervisedFit Π_F Q̂ by global view
 * @param iterations    projected Bellman sweeps performed
 * @param residual      sup-norm change of the last sweep
 * @param converged     whether the sweeps reached the tolerance
 * @param maxDistance   largest ‖W − W₀‖ over the agents at Q_θ∞ (R when the ball binds)
 */
public record NeuralFixedPoint(double[][] tdFixedPoint, double[][] supervisedFit, int iterations, double residual,
                               boolean converged, double maxDistance) {
    private static final int MAX_ITERATIONS = 20_000;
    private static final double TOLERANCE = 1e-10;

    public static NeuralFixedPoint of(ExactAnalysis exact, ViewEncodings encodings, TwoLayerReluNetwork[] nets) {
        FiniteSmdp m = exact.smdp();
        int n = m.agentCount();
        int views = m.viewCount();
        LinearisedNeuralClass[] classes = new LinearisedNeuralClass[n];
        for (int i = 0; i < n; i++) {
            double[][] gram = nets[i].initialKernelGram(ReferenceNetworks.agentEncodings(m, encodings, i));
            classes[i] = new LinearisedNeuralClass(gram, agentWeights(exact, i), nets[i].radius());
        }
        double[][] qHat = exact.interfaceFixedPoint().q();
        double[][] fit = new double[views][];
        projectAll(m, classes, qHat, fit);

        InterfaceModel im = exact.interfaceModel();
        double[][] q = new double[views][];
        for (int z = 0; z < views; z++) {
            q[z] = new double[qHat[z].length];
        }
        double[][] target = new double[views][];
        double[][] next = new double[views][];
        for (int z = 0; z < views; z++) {
            target[z] = new double[qHat[z].length];
            next[z] = new double[qHat[z].length];
        }
        double[] v = new double[views];
        double scale = 1;
        for (double[] row : qHat) {
            for (double x : row) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        int it = 0;
        double change = Double.POSITIVE_INFINITY;
        double maxDistance = 0;
        while (it < MAX_ITERATIONS && change > TOLERANCE * scale) {
            for (int z = 0; z < views; z++) {
                double best = Double.NEGATIVE_INFINITY;
                for (double x : q[z]) {
                    best = Math.max(best, x);
                }
                v[z] = q[z].length == 0 ? 0 : best;
            }
            for (int z = 0; z < views; z++) {
                for (int a = 0; a < target[z].length; a++) {
                    SparseRow row = im.kernel()[z][a];
                    double sum = im.reward()[z][a];
                    for (int e = 0; e < row.index().length; e++) {
                        sum += row.weight()[e] * v[row.index()[e]];
                    }
                    target[z][a] = sum;
                }
            }
            maxDistance = projectAll(m, classes, target, next);
            change = 0;
            for (int z = 0; z < views; z++) {
                for (int a = 0; a < q[z].length; a++) {
                    change = Math.max(change, Math.abs(next[z][a] - q[z][a]));
                    q[z][a] = next[z][a];
                }
            }
            it++;
        }
        return new NeuralFixedPoint(q, fit, it, change, change <= TOLERANCE * scale, maxDistance);
    }

    /**
     * w_p = μ(z)b(a|z)/μ(agent i) over agent i's pairs p = k·|A_i| + a: the μ-weights, normalised per agent (which
     * rescales each agent's TD direction and changes no fixed point).
     */
    static double[] agentWeights(ExactAnalysis exact, int agent) {
        FiniteSmdp m = exact.smdp();
        double[] mu = exact.occupancy().view();
        double[][] beh = exact.behaviour();
        int actions = m.actionCountOfAgent()[agent];
        int count = m.viewCountOfAgent()[agent];
        double[] weight = new double[count * actions];
        double agentMass = 0;
        for (int k = 0; k < count; k++) {
            agentMass += mu[m.viewOffset()[agent] + k];
        }
        for (int k = 0; k < count; k++) {
            int z = m.viewOffset()[agent] + k;
            for (int a = 0; a < actions; a++) {
                weight[k * actions + a] = agentMass > 0 ? mu[z] * beh[z][a] / agentMass : 0;
            }
        }
        return weight;
    }

    /**
     * Expected projected semi-gradient TD itself, run for {@code iterations} sweeps on the linearised networks:
     * W − W₀ = ∇f(W₀)ᵀc per agent, so the step W ← Proj_B(W + α ∇Qᵀ D (T̂Q − Q)) is c ← c + α D (T̂Q − Q) followed by
     * scaling c back to the ball (‖W − W₀‖² = cᵀGc), and Q = G c. Slow (its rate is set by the smallest weighted NTK
     * eigenvalue); it exists to cross-check {@link #of}, whose projected Bellman sweeps reach the same fixed point.
     */
    public static double[][] bySemiGradientTd(ExactAnalysis exact, ViewEncodings encodings, TwoLayerReluNetwork[] nets,
                                              double stepSize, int iterations) {
        FiniteSmdp m = exact.smdp();
        int n = m.agentCount();
        InterfaceModel im = exact.interfaceModel();
        double[][][] gram = new double[n][][];
        double[][] weight = new double[n][];
        double[][] c = new double[n][];
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            gram[i] = nets[i].initialKernelGram(ReferenceNetworks.agentEncodings(m, encodings, i));
            weight[i] = agentWeights(exact, i);
            c[i] = new double[gram[i].length];
            q[i] = new double[gram[i].length];
        }
        double[] v = new double[m.viewCount()];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < n; i++) {
                int actions = m.actionCountOfAgent()[i];
                for (int k = 0; k < m.viewCountOfAgent()[i]; k++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < actions; a++) {
                        best = Math.max(best, q[i][k * actions + a]);
                    }
                    v[m.viewOffset()[i] + k] = best;
                }
            }
            for (int i = 0; i < n; i++) {
                int actions = m.actionCountOfAgent()[i];
                for (int k = 0; k < m.viewCountOfAgent()[i]; k++) {
                    int z = m.viewOffset()[i] + k;
                    for (int a = 0; a < actions; a++) {
                        int p = k * actions + a;
                        SparseRow row = im.kernel()[z][a];
                        double target = im.reward()[z][a];
                        for (int e = 0; e < row.index().length; e++) {
                            target += row.weight()[e] * v[row.index()[e]];
                        }
                        c[i][p] += stepSize * weight[i][p] * (target - q[i][p]);
                    }
                }
                double[][] g = gram[i];
                int size = g.length;
                double normSq = 0;
                for (int p = 0; p < size; p++) {
                    double sum = 0;
                    for (int r = 0; r < size; r++) {
                        sum += g[p][r] * c[i][r];
                    }
                    q[i][p] = sum;
                    normSq += c[i][p] * sum;
                }
                double radius = nets[i].radius();
                if (normSq > radius * radius) {
                    double f = radius / Math.sqrt(normSq);
                    for (int p = 0; p < size; p++) {
                        c[i][p] *= f;
                        q[i][p] *= f;
                    }
                }
            }
        }
        double[][] table = new double[m.viewCount()][];
        for (int i = 0; i < n; i++) {
            int actions = m.actionCountOfAgent()[i];
            for (int k = 0; k < m.viewCountOfAgent()[i]; k++) {
                table[m.viewOffset()[i] + k] = java.util.Arrays.copyOfRange(q[i], k * actions, (k + 1) * actions);
            }
        }
        return table;
    }

    /** out = Π_F(y) agent by agent; returns the largest ‖W − W₀‖. */
    private static double projectAll(FiniteSmdp m, LinearisedNeuralClass[] classes, double[][] y, double[][] out) {
        double maxDistance = 0;
        for (int i = 0; i < classes.length; i++) {
            int actions = m.actionCountOfAgent()[i];
            int count = m.viewCountOfAgent()[i];
            double[] flat = new double[count * actions];
            double[] fitted = new double[flat.length];
            for (int k = 0; k < count; k++) {
                System.arraycopy(y[m.viewOffset()[i] + k], 0, flat, k * actions, actions);
            }
            maxDistance = Math.max(maxDistance, classes[i].project(flat, fitted));
            for (int k = 0; k < count; k++) {
                int z = m.viewOffset()[i] + k;
                if (out[z] == null) {
                    out[z] = new double[actions];
                }
                System.arraycopy(fitted, k * actions, out[z], 0, actions);
            }
        }
        return maxDistance;
    }
}
