package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * A plain-Java copy of an agent's MLP (Linear–ReLU–…–Linear), so that acting and the handoff scalar cost a few
 * microseconds and no JNI call (STACK.md "DJL facts"). Also the agent's target network. Weights are kept input-major,
 * one array per input ({@code weight[layer][in][out]}), so that the forward pass is a sequence of a·x + y updates over
 * whole rows that skip zero inputs (one-hot views, inactive ReLUs); {@link #loadPyTorchLayout} and
 * {@link #pyTorchWeight} convert from and to PyTorch's [out][in]. {@link #forward} allocates nothing; not thread-safe.
 */
public final class MlpMirror {
    private final int[] sizes;
    private final float[][][] weight;
    private final float[][] bias;
    private final float[][] activation;
    /** The indices of a layer's non-zero inputs (scratch of {@link #forward}). */
    private final int[] nonZero;

    /** @param sizes layer widths: input, hidden…, outputs */
    public MlpMirror(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input and an output size");
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weight = new float[layers][][];
        bias = new float[layers][];
        activation = new float[layers][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            weight[l] = new float[sizes[l]][sizes[l + 1]];
            bias[l] = new float[sizes[l + 1]];
            activation[l] = new float[sizes[l + 1]];
            widest = Math.max(widest, sizes[l]);
        }
        nonZero = new int[widest];
    }

    /** The layer sizes of an MLP with {@code depth} hidden layers of {@code width}. */
    public static int[] layerSizes(int inputs, int width, int depth, int outputs) {
        int[] s = new int[depth + 2];
        s[0] = inputs;
        for (int l = 1; l <= depth; l++) {
            s[l] = width;
        }
        s[depth + 1] = outputs;
        return s;
    }

    /** PyTorch's default Linear initialisation, U(−1/√fan_in, 1/√fan_in) for weights and biases, from {@code rng}. */
    public void initialise(Rng rng) {
        for (int l = 0; l < weight.length; l++) {
            double bound = 1.0 / Math.sqrt(sizes[l]);
            for (float[] row : weight[l]) { // input-major, as the weights were drawn when they were one array
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            for (int k = 0; k < bias[l].length; k++) {
                bias[l][k] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
        }
    }

    /**
     * Q(x, ·) into {@code out}. Each output is its bias plus w[k]·x[k] added in input order k, one rounding per product
     * and per sum, exactly as a plain loop over the inputs would add them; the loop takes the non-zero inputs four at a
     * time and adds their four products to an output in one pass over a row (issue 16.5: in this form the JIT
     * vectorises it, 4.5× faster at width 256, with the same sums bit for bit).
     */
    public void forward(float[] x, float[] out) {
        float[] in = x;
        int layers = weight.length;
        int[] nz = nonZero;
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            float[][] w = weight[l];
            float[] o = l == layers - 1 ? out : activation[l];
            System.arraycopy(bias[l], 0, o, 0, nOut);
            int m = 0;
            for (int k = 0; k < nIn; k++) {
                if (in[k] != 0f) {
                    nz[m++] = k;
                }
            }
            int t = 0;
            for (; t + 4 <= m; t += 4) {
                float[] w0 = w[nz[t]];
                float[] w1 = w[nz[t + 1]];
                float[] w2 = w[nz[t + 2]];
                float[] w3 = w[nz[t + 3]];
                float x0 = in[nz[t]];
                float x1 = in[nz[t + 1]];
                float x2 = in[nz[t + 2]];
                float x3 = in[nz[t + 3]];
                for (int j = 0; j < nOut; j++) {
                    o[j] = o[j] + w0[j] * x0 + w1[j] * x1 + w2[j] * x2 + w3[j] * x3;
                }
            }
            for (; t < m; t++) {
                float[] w0 = w[nz[t]];
                float x0 = in[nz[t]];
                for (int j = 0; j < nOut; j++) {
                    o[j] = o[j] + w0[j] * x0;
                }
            }
            if (l < layers - 1) {
                for (int j = 0; j < nOut; j++) {
                    if (o[j] < 0f) {
                        o[j] = 0f;
                    }
                }
            }
            in = o;
        }
    }

    /** θ ← θ_other. */
    public void copyFrom(MlpMirror other) {
        for (int l = 0; l < weight.length; l++) {
            for (int k = 0; k < weight[l].length; k++) {
                System.arraycopy(other.weight[l][k], 0, weight[l][k], 0, weight[l][k].length);
            }
            System.arraycopy(other.bias[l], 0, bias[l], 0, bias[l].length);
        }
    }

    /** θ ← (1 − τ)θ + τ·θ_other. */
    public void blendFrom(MlpMirror other, double tau) {
        float t = (float) tau;
        float keep = 1f - t;
        for (int l = 0; l < weight.length; l++) {
            for (int k = 0; k < weight[l].length; k++) {
                float[] row = weight[l][k];
                float[] from = other.weight[l][k];
                for (int j = 0; j < row.length; j++) {
                    row[j] = keep * row[j] + t * from[j];
                }
            }
            for (int k = 0; k < bias[l].length; k++) {
                bias[l][k] = keep * bias[l][k] + t * other.bias[l][k];
            }
        }
    }

    public int layerCount() {
        return weight.length;
    }

    /** Layer l's weights in PyTorch's layout, [out][in] row-major (a copy). */
    public float[] pyTorchWeight(int layer) {
        int nIn = sizes[layer];
        int nOut = sizes[layer + 1];
        float[] w = new float[nIn * nOut];
        for (int k = 0; k < nIn; k++) {
            for (int j = 0; j < nOut; j++) {
                w[j * nIn + k] = weight[layer][k][j];
            }
        }
        return w;
    }

    /** Sets layer l from PyTorch's layout: {@code w} [out][in] row-major, {@code b} [out]. */
    public void loadPyTorchLayout(int layer, float[] w, float[] b) {
        int nIn = sizes[layer];
        int nOut = sizes[layer + 1];
        float[][] target = weight[layer];
        for (int j = 0; j < nOut; j++) {
            int row = j * nIn;
            for (int k = 0; k < nIn; k++) {
                target[k][j] = w[row + k];
            }
        }
        System.arraycopy(b, 0, bias[layer], 0, nOut);
    }

    /** Layer l's biases (a copy). */
    public float[] bias(int layer) {
        return bias[layer].clone();
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Layer sizes: input, hidden…, outputs. */
    public int[] sizes() {
        return sizes.clone();
    }
}
