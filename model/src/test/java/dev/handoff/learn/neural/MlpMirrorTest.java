package dev.handoff.learn.neural;

import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mirror's blocked forward pass computes exactly what the plain loop over PyTorch-layout weights computes: each
 * output is its bias plus w[j][k]·x[k] added in input order, one rounding per product and per sum, zero inputs skipped.
 * Bit for bit, at every width (rows shorter and longer than a vector, input counts that are and are not multiples of 4).
 */
class MlpMirrorTest {
    @Test
    void blockedForwardEqualsThePlainLoopBitForBit() {
        Rng rng = new Rng(11);
        for (int[] sizes : new int[][] {{8, 64, 64, 6}, {8, 256, 256, 6}, {13, 5, 3}, {7, 33, 17, 1}, {3, 1, 2}, {300, 300, 9}}) {
            MlpMirror mirror = new MlpMirror(sizes);
            mirror.initialise(rng.split());
            float[] out = new float[sizes[sizes.length - 1]];
            for (int trial = 0; trial < 200; trial++) {
                float[] x = new float[sizes[0]];
                for (int k = 0; k < x.length; k++) {
                    double u = rng.nextDouble();
                    x[k] = u < 0.4 ? 0f : u < 0.7 ? 1f : (float) (4 * rng.nextDouble() - 2);
                }
                mirror.forward(x, out);
                assertThat(out).as("sizes %s, trial %d", java.util.Arrays.toString(sizes), trial).containsExactly(plainForward(mirror, x));
            }
        }
    }

    @Test
    void pyTorchLayoutRoundTripsAndCopiesAreIndependent() {
        MlpMirror a = new MlpMirror(5, 7, 3);
        a.initialise(new Rng(2));
        MlpMirror b = new MlpMirror(5, 7, 3);
        b.loadPyTorchLayout(0, a.pyTorchWeight(0), a.bias(0));
        b.loadPyTorchLayout(1, a.pyTorchWeight(1), a.bias(1));
        assertThat(b.pyTorchWeight(0)).containsExactly(a.pyTorchWeight(0));
        assertThat(b.pyTorchWeight(1)).containsExactly(a.pyTorchWeight(1));

        MlpMirror c = new MlpMirror(5, 7, 3);
        c.copyFrom(a);
        a.blendFrom(new MlpMirror(5, 7, 3), 0.5); // halves a's weights, leaves the copy alone
        assertThat(c.pyTorchWeight(0)).containsExactly(b.pyTorchWeight(0));
        assertThat(a.pyTorchWeight(0)[0]).isEqualTo(0.5f * b.pyTorchWeight(0)[0]);
    }

    /** The forward pass written as plainly as possible over PyTorch's [out][in] layout. */
    private static float[] plainForward(MlpMirror m, float[] x) {
        int[] sizes = m.sizes();
        float[] in = x;
        for (int l = 0; l < m.layerCount(); l++) {
            float[] w = m.pyTorchWeight(l);
            float[] b = m.bias(l);
            float[] o = new float[sizes[l + 1]];
            for (int j = 0; j < o.length; j++) {
                float sum = b[j];
                for (int k = 0; k < sizes[l]; k++) {
                    if (in[k] != 0f) {
                        sum = sum + w[j * sizes[l] + k] * in[k];
                    }
                }
                o[j] = l < m.layerCount() - 1 && sum < 0f ? 0f : sum;
            }
            in = o;
        }
        return in;
    }
}
