package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * A plain-Java copy of an agent's MLP (Linear–ReLU–…–Linear), so that acting and the handoff scalar cost a few
 * microseconds and no JNI call (STACK.md "DJL facts"). Also the agent's target network. Weights are kept input-major
 * ([in][out]) so that the forward pass is a sequence of vectorisable a·x + y updates that skip zero inputs (one-hot
 * views, inactive ReLUs); {@link #loadPyTorchLayout} and {@link #pyTorchWeight} convert from and to PyTorch's
 * [out][in]. {@link #forward} allocates nothing; not thread-safe.
 */
public final class MlpMirror {
    private final int[] sizes;
    private final float[][] weight;
    private final float[][] bias;
    private final float[][] activation;

    /** @param sizes layer widths: input, hidden…, outputs */
    public MlpMirror(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs an input and an output size");
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weight = new float[layers][];
        bias = new float[layers][];
        activation = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weight[l] = new float[sizes[l] * sizes[l + 1]];
            bias[l] = new float[sizes[l + 1]];
            activation[l] = new float[sizes[l + 1]];
        }
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
            for (int k = 0; k < weight[l].length; k++) {
                weight[l][k] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            for (int k = 0; k < bias[l].length; k++) {
                bias[l][k] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
        }
    }

    /** Q(x, ·) into {@code out}. */
    public void forward(float[] x, float[] out) {
        float[] in = x;
        int layers = weight.length;
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            float[] w = weight[l];
            float[] b = bias[l];
            float[] o = l == layers - 1 ? out : activation[l];
            System.arraycopy(b, 0, o, 0, nOut);
            for (int k = 0; k < nIn; k++) {
                float xk = in[k];
                if (xk != 0f) {
                    int base = k * nOut;
                    for (int j = 0; j < nOut; j++) {
                        o[j] += w[base + j] * xk;
                    }
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
            System.arraycopy(other.weight[l], 0, weight[l], 0, weight[l].length);
            System.arraycopy(other.bias[l], 0, bias[l], 0, bias[l].length);
        }
    }

    /** θ ← (1 − τ)θ + τ·θ_other. */
    public void blendFrom(MlpMirror other, double tau) {
        float t = (float) tau;
        float keep = 1f - t;
        for (int l = 0; l < weight.length; l++) {
            for (int k = 0; k < weight[l].length; k++) {
                weight[l][k] = keep * weight[l][k] + t * other.weight[l][k];
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
                w[j * nIn + k] = weight[layer][k * nOut + j];
            }
        }
        return w;
    }

    /** Sets layer l from PyTorch's layout: {@code w} [out][in] row-major, {@code b} [out]. */
    public void loadPyTorchLayout(int layer, float[] w, float[] b) {
        int nIn = sizes[layer];
        int nOut = sizes[layer + 1];
        float[] target = weight[layer];
        for (int j = 0; j < nOut; j++) {
            int row = j * nIn;
            for (int k = 0; k < nIn; k++) {
                target[k * nOut + j] = w[row + k];
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
