package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/**
 * A test-only transcription of the synthetic IC-SMDP of ICQ.md §5 (defaults: 10 agents on a ring, G = 6, H = 3,
 * two options, busy bit), used to pin the exact solver against the claims written there (gap 0 at λ = 0 and growing
 * with λ, t_mix ∝ 1/η) and to time it on the real shape. The product's model lives with the environment, not here.
 * State index ((c·G + g)·H + h)·2 + p; view viewOffset[c] + g·2 + p.
 */
final class SyntheticIcSmdpFixture {
    static final int N = 10;
    static final int G = 6;
    static final int H = 3;
    static final double BETA = 0.3;
    static final double GAMMA = 0.95;
    static final double COST = 0.1;
    static final double[] Q_BASE = {0.8, 0.35};
    static final double[] S_HI = {0.30, 0.75};
    static final double[] S_LO = {0.08, 0.25};
    static final double K_S = 0.3;
    static final double K_D = 0.5;
    static final double K_T = 0.3;
    static final double BUSY_Q = 0.5;
    static final double R_GOAL = 10;
    static final int STOP = -1;

    private SyntheticIcSmdpFixture() {
    }

    static int state(int c, int g, int h, int p) {
        return ((c * G + g) * H + h) * 2 + p;
    }

    /** Handoff target t ∈ {0,1,2} of agent c: c+1, c+2, c+3 (even c) or c+1, c+2, STOP (odd c). */
    static int target(int c, int t) {
        if (c % 2 == 1 && t == 2) {
            return STOP;
        }
        return (c + t + 1) % N;
    }

    static FiniteSmdp build(double lambda, double eta) {
        int n = N * G * H * 2;
        int[] agentOf = new int[n];
        int[] viewOf = new int[n];
        int[] viewCount = new int[N];
        int[] actionCount = new int[N];
        int[] viewOffset = new int[N];
        for (int c = 0; c < N; c++) {
            viewCount[c] = G * 2;
            actionCount[c] = 6;
            viewOffset[c] = c * G * 2;
        }
        double[] reset = new double[n];
        for (int c = 0; c < N; c++) {
            for (int g = 0; g < G - 1; g++) {
                for (int h = 0; h < H; h++) {
                    for (int p = 0; p < 2; p++) {
                        reset[state(c, g, h, p)] = (1.0 / N) * (1.0 / (G - 1)) * (1.0 / H) * (p == 1 ? BETA : 1 - BETA);
                    }
                }
            }
        }
        double[][] reward = new double[n][6];
        double[][] discount = new double[n][6];
        SparseRow[][] kernel = new SparseRow[n][6];
        SparseRow[][] next = new SparseRow[n][6];
        for (int c = 0; c < N; c++) {
            for (int g = 0; g < G; g++) {
                for (int h = 0; h < H; h++) {
                    for (int p = 0; p < 2; p++) {
                        int s = state(c, g, h, p);
                        agentOf[s] = c;
                        viewOf[s] = viewOffset[c] + g * 2 + p;
                        for (int o = 0; o < 2; o++) {
                            double q = Q_BASE[o] * (p == 1 ? BUSY_Q : 1) * (1 - lambda * K_D * h / (H - 1.0));
                            double eg = GAMMA * q / (1 - GAMMA * (1 - q));
                            double progress = 0;
                            if (g < G - 1) {
                                boolean spec = Math.floorMod(g - c, G - 1) <= 1;
                                progress = (spec ? S_HI[o] : S_LO[o]) * (1 + lambda * K_S * affinity(c, h));
                            }
                            for (int t = 0; t < 3; t++) {
                                int a = o * 3 + t;
                                int j = target(c, t);
                                discount[s][a] = eg;
                                reward[s][a] = -COST * (1 - eg) / (1 - GAMMA);
                                double[] kernelRow = new double[n];
                                double[] nextRow = new double[n];
                                if (j == STOP) {
                                    double expectedTerminal = 0;
                                    for (int step = 0; step <= 1; step++) {
                                        double pg = step == 1 ? progress : 1 - progress;
                                        int g2 = Math.min(g + step, G - 1);
                                        expectedTerminal += pg * R_GOAL * Math.pow(g2 / (G - 1.0), 2)
                                                * (1 + lambda * K_T * (2.0 * h / (H - 1) - 1));
                                    }
                                    reward[s][a] += eg * expectedTerminal;
                                    for (int c2 = 0; c2 < N; c2++) {
                                        for (int g2 = 0; g2 < G - 1; g2++) {
                                            for (int h2 = 0; h2 < H; h2++) {
                                                for (int p2 = 0; p2 < 2; p2++) {
                                                    nextRow[state(c2, g2, h2, p2)] += (1.0 / N) / (G - 1)
                                                            * (p2 == 1 ? BETA : 1 - BETA) * regimeStep(h, h2, eta);
                                                }
                                            }
                                        }
                                    }
                                } else {
                                    for (int step = 0; step <= 1; step++) {
                                        double pg = step == 1 ? progress : 1 - progress;
                                        if (pg == 0) {
                                            continue;
                                        }
                                        int g2 = g + step;
                                        for (int h2 = 0; h2 < H; h2++) {
                                            for (int p2 = 0; p2 < 2; p2++) {
                                                double w = pg * regimeStep(h, h2, eta) * (p2 == 1 ? BETA : 1 - BETA);
                                                nextRow[state(j, g2, h2, p2)] += w;
                                                kernelRow[state(j, g2, h2, p2)] += eg * w;
                                            }
                                        }
                                    }
                                }
                                kernel[s][a] = TestModels.sparse(kernelRow);
                                next[s][a] = TestModels.sparse(nextRow);
                            }
                        }
                    }
                }
            }
        }
        return new FiniteSmdp(N, agentOf, viewOf, viewOffset, viewCount, actionCount, reward, kernel, next, discount,
                reset);
    }

    static double affinity(int c, int h) {
        return h == c % H ? 1 : -1.0 / (H - 1);
    }

    static double regimeStep(int h, int h2, double eta) {
        return (h == h2 ? 1 - eta : 0) + eta / H;
    }
}
