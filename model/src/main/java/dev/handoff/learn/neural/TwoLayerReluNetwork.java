package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * The reference network of the theory (ICQ.md §3): f_a(x) = (1/√m) Σ_r b_{r,a} ReLU(w_r·x̃), x̃ = (x, 1), with the
 * output signs b fixed and only W trained, kept inside the ball ‖W − W₀‖ ≤ R around its initial weights (the
 * lazy/NTK regime). Symmetric initialisation (neurons r and r + m/2 share w and have opposite b) makes f ≡ 0 at
 * W₀. Plain Java, allocation-free after construction; not thread-safe.
 */
public final class TwoLayerReluNetwork {
    private final int width;
    private final int inputs;
    private final int outputs;
    private final double scale;
    private final double radius;
    private final double[] w;
    private final double[] w0;
    private final double[] b;
    private final double[] pre;

    /**
     * @param inputs  length of x (the bias input is added internally)
     * @param outputs one output per action
     * @param width   m, even
     * @param radius  R of the projection ball (use {@code Double.POSITIVE_INFINITY} for none)
     */
    public TwoLayerReluNetwork(int inputs, int outputs, int width, double radius, Rng rng) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("width must be even and at least 2, is " + width);
        }
        this.width = width;
        this.inputs = inputs + 1;
        this.outputs = outputs;
        this.scale = 1.0 / Math.sqrt(width);
        this.radius = radius;
        this.w = new double[width * this.inputs];
        this.b = new double[width * outputs];
        this.pre = new double[width];
        int half = width / 2;
        double sd = 1.0 / Math.sqrt(this.inputs);
        for (int r = 0; r < half; r++) {
            for (int k = 0; k < this.inputs; k++) {
                double g = gaussian(rng) * sd;
                w[r * this.inputs + k] = g;
                w[(r + half) * this.inputs + k] = g;
            }
            for (int a = 0; a < outputs; a++) {
                double sign = rng.nextDouble() < 0.5 ? -1 : 1;
                b[r * outputs + a] = sign;
                b[(r + half) * outputs + a] = -sign;
            }
        }
        this.w0 = w.clone();
    }

    /** A standard normal draw (Box–Muller) from the project's RNG. */
    static double gaussian(Rng rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** f(x) for every output into {@code out}; keeps the pre-activations for {@link #accumulateGradient}. */
    public void forward(float[] x, double[] out) {
        int d = inputs;
        for (int r = 0; r < width; r++) {
            int base = r * d;
            double s = w[base + d - 1];
            for (int k = 0; k < d - 1; k++) {
                s += w[base + k] * x[k];
            }
            pre[r] = s;
        }
        for (int a = 0; a < outputs; a++) {
            out[a] = 0;
        }
        for (int r = 0; r < width; r++) {
            double h = pre[r];
            if (h > 0) {
                int base = r * outputs;
                for (int a = 0; a < outputs; a++) {
                    out[a] += b[base + a] * h;
                }
            }
        }
        for (int a = 0; a < outputs; a++) {
            out[a] *= scale;
        }
    }

    /** grad += coef · ∂f_a(x)/∂W, using the pre-activations of the last {@link #forward} (which must be on x). */
    public void accumulateGradient(float[] x, int a, double coef, double[] grad) {
        int d = inputs;
        for (int r = 0; r < width; r++) {
            if (pre[r] > 0) {
                double g = coef * scale * b[r * outputs + a];
                int base = r * d;
                for (int k = 0; k < d - 1; k++) {
                    grad[base + k] += g * x[k];
                }
                grad[base + d - 1] += g;
            }
        }
    }

    /** W ← Proj_B(W + step·direction). */
    public void step(double[] direction, double stepSize) {
        for (int k = 0; k < w.length; k++) {
            w[k] += stepSize * direction[k];
        }
        project();
    }

    /** W ← W + step·coef·∂f_a(x)/∂W, then projection; uses the pre-activations of the last forward on x. */
    public void stepAlongGradient(float[] x, int a, double coef) {
        int d = inputs;
        for (int r = 0; r < width; r++) {
            if (pre[r] > 0) {
                double g = coef * scale * b[r * outputs + a];
                int base = r * d;
                for (int k = 0; k < d - 1; k++) {
                    w[base + k] += g * x[k];
                }
                w[base + d - 1] += g;
            }
        }
        project();
    }

    private void project() {
        if (radius == Double.POSITIVE_INFINITY) {
            return;
        }
        double sq = 0;
        for (int k = 0; k < w.length; k++) {
            double dlt = w[k] - w0[k];
            sq += dlt * dlt;
        }
        if (sq > radius * radius) {
            double f = radius / Math.sqrt(sq);
            for (int k = 0; k < w.length; k++) {
                w[k] = w0[k] + f * (w[k] - w0[k]);
            }
        }
    }

    /**
     * The neural tangent kernel at W₀ between (x, a) and (y, c): ⟨∂f_a(x)/∂W, ∂f_c(y)/∂W⟩ at initialisation, the Gram
     * entry of the linearised class F_{R,m} = {f₀ + ⟨∇f(W₀), W − W₀⟩ : ‖W − W₀‖ ≤ R}.
     */
    public double initialKernel(float[] x, int a, float[] y, int c) {
        int d = inputs;
        double xy = 1;
        for (int k = 0; k < d - 1; k++) {
            xy += x[k] * y[k];
        }
        double sum = 0;
        for (int r = 0; r < width; r++) {
            int base = r * d;
            double hx = w0[base + d - 1];
            double hy = hx;
            for (int k = 0; k < d - 1; k++) {
                hx += w0[base + k] * x[k];
                hy += w0[base + k] * y[k];
            }
            if (hx > 0 && hy > 0) {
                sum += b[r * outputs + a] * b[r * outputs + c];
            }
        }
        return sum * xy / width;
    }

    /**
     * The Gram matrix of {@link #initialKernel} over all (view, action) pairs of {@code xs}, index p = z·outputs + a:
     * the empirical NTK of this network on an agent's views.
     */
    public double[][] initialKernelGram(float[][] xs) {
        int views = xs.length;
        int d = inputs;
        boolean[][] active = new boolean[views][width];
        for (int z = 0; z < views; z++) {
            for (int r = 0; r < width; r++) {
                int base = r * d;
                double h = w0[base + d - 1];
                for (int k = 0; k < d - 1; k++) {
                    h += w0[base + k] * xs[z][k];
                }
                active[z][r] = h > 0;
            }
        }
        int p = views * outputs;
        double[][] gram = new double[p][p];
        double[] bb = new double[outputs * outputs];
        for (int z = 0; z < views; z++) {
            for (int y = z; y < views; y++) {
                double xy = 1;
                for (int k = 0; k < d - 1; k++) {
                    xy += xs[z][k] * xs[y][k];
                }
                java.util.Arrays.fill(bb, 0);
                for (int r = 0; r < width; r++) {
                    if (active[z][r] && active[y][r]) {
                        int base = r * outputs;
                        for (int a = 0; a < outputs; a++) {
                            double ba = b[base + a];
                            for (int c = 0; c < outputs; c++) {
                                bb[a * outputs + c] += ba * b[base + c];
                            }
                        }
                    }
                }
                for (int a = 0; a < outputs; a++) {
                    for (int c = 0; c < outputs; c++) {
                        double g = bb[a * outputs + c] * xy / width;
                        gram[z * outputs + a][y * outputs + c] = g;
                        gram[y * outputs + c][z * outputs + a] = g;
                    }
                }
            }
        }
        return gram;
    }

    /** ‖W − W₀‖. */
    public double distanceFromInit() {
        double sq = 0;
        for (int k = 0; k < w.length; k++) {
            double dlt = w[k] - w0[k];
            sq += dlt * dlt;
        }
        return Math.sqrt(sq);
    }

    public int width() {
        return width;
    }

    /** Length of x (without the internal bias input). */
    public int inputSize() {
        return inputs - 1;
    }

    public int outputs() {
        return outputs;
    }

    public double radius() {
        return radius;
    }

    /** Number of trained parameters (m·(d+1)). */
    public int parameterCount() {
        return w.length;
    }
}
