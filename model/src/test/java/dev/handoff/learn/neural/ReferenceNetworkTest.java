package dev.handoff.learn.neural;

import dev.handoff.components.ViewEncodings;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reference two-layer network and the view encodings it reads. */
class ReferenceNetworkTest {
    @Test
    void viewEncodingsMatchWhatTheSimulatorEncodes() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 1.0, 0.05);
        SyntheticKind kind = new SyntheticKind();
        FiniteSmdp m = kind.exactModel(w);
        ViewEncodings enc = ViewEncodings.of(w, m);
        HandoffEnvironment env = kind.create(w);
        env.reset(new Rng(3));
        StepOutcome out = new StepOutcome();
        Rng rng = new Rng(4);
        for (int k = 0; k < 500; k++) {
            int i = env.nextDecision();
            float[] x = new float[env.encodingSize(i)];
            env.encodeView(x);
            assertThat(enc.of(m.viewOffset()[i] + env.viewKey())).containsExactly(x);
            env.step(rng.nextInt(env.actionCount(i)), out);
        }
    }

    @Test
    void symmetricInitialisationStartsAtZero() {
        TwoLayerReluNetwork net = new TwoLayerReluNetwork(8, 6, 64, 10, new Rng(1));
        double[] out = new double[6];
        net.forward(new float[] {0, 1, 0, 0, 0, 0, 1, 0}, out);
        for (double q : out) {
            assertThat(q).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void gradientStepMatchesTheKernelAndStaysInTheBall() {
        Rng rng = new Rng(2);
        TwoLayerReluNetwork net = new TwoLayerReluNetwork(8, 6, 128, Double.POSITIVE_INFINITY, rng);
        float[] x = {0, 0, 1, 0, 0, 0, 0, 1};
        float[] y = {0, 0, 0, 1, 0, 0, 0, 1};
        double[] before = new double[6];
        double[] after = new double[6];
        net.forward(y, before);
        net.forward(x, new double[6]);
        double eps = 1e-6;
        net.stepAlongGradient(x, 2, eps);
        net.forward(y, after);
        // f_c(y) moves by eps·K((x,2),(y,c)) to first order
        for (int c = 0; c < 6; c++) {
            assertThat((after[c] - before[c]) / eps).isCloseTo(net.initialKernel(x, 2, y, c), within(1e-4));
        }
        TwoLayerReluNetwork small = new TwoLayerReluNetwork(8, 6, 16, 0.5, new Rng(5));
        for (int k = 0; k < 50; k++) {
            small.forward(x, new double[6]);
            small.stepAlongGradient(x, k % 6, 3.0);
        }
        assertThat(small.distanceFromInit()).isLessThanOrEqualTo(0.5 + 1e-12);
    }

    @Test
    void gramMatrixIsTheKernelOnAllPairs() {
        TwoLayerReluNetwork net = new TwoLayerReluNetwork(3, 2, 32, 1, new Rng(9));
        float[][] xs = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] g = net.initialKernelGram(xs);
        for (int z = 0; z < 3; z++) {
            for (int a = 0; a < 2; a++) {
                for (int y = 0; y < 3; y++) {
                    for (int c = 0; c < 2; c++) {
                        assertThat(g[z * 2 + a][y * 2 + c]).isCloseTo(net.initialKernel(xs[z], a, xs[y], c), within(1e-12));
                    }
                }
            }
        }
    }
}
