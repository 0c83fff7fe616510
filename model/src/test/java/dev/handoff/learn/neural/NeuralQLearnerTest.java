package dev.handoff.learn.neural;

import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One neural IC-Q agent on DJL: it regresses Q(z,a) on R + γ^τ m, its mirror equals its network, its target lags. */
class NeuralQLearnerTest {
    private static final float[] Z0 = {1, 0, 0, 1};
    private static final float[] Z1 = {0, 1, 1, 0};

    private static NeuralSettings small(TargetUpdate target) {
        return new NeuralSettings(16, 1, 1e-2, 8, 64, 8, 1, target, 1.0, ScalarMode.STORED, 1, 16);
    }

    @Test
    void learnsTheTdTargetOfItsOwnReplay() {
        try (NeuralQLearner l = new NeuralQLearner(0, 4, 2, 0.9, small(TargetUpdate.periodic(50)), 1)) {
            for (int k = 0; k < 600; k++) {
                boolean first = k % 2 == 0;
                // y = R + γ^τ m: 1 + 0.81·2 = 2.62 for (Z0, a=1); −1 + 0.9·0 = −1 for (Z1, a=0)
                l.observe(first ? Z0 : Z1, first ? 1 : 0, first ? 1 : -1, first ? 2 : 1, first ? 2 : 0, false, 1, -1, null);
            }
            assertThat(l.q(Z0, 1)).isCloseTo(2.62, within(0.1));
            assertThat(l.q(Z1, 0)).isCloseTo(-1, within(0.1));
            assertThat(l.greedyAction(Z0)).isEqualTo(1);
            assertThat(l.trainingSteps()).isEqualTo(600 - 8 + 1);
        }
    }

    @Test
    void mirrorEqualsTheDjlNetwork() {
        try (NeuralQLearner l = new NeuralQLearner(0, 4, 3, 0.9, small(TargetUpdate.periodic(5)), 2)) {
            for (int k = 0; k < 100; k++) {
                l.observe(k % 2 == 0 ? Z0 : Z1, k % 3, 0.5, 1, 1.0, false, 1, -1, null);
            }
            float[] mirror = new float[3];
            for (float[] z : new float[][] {Z0, Z1}) {
                l.qValues(z, mirror);
                float[] djl = l.qValuesFromNetwork(z);
                for (int a = 0; a < 3; a++) {
                    assertThat((double) mirror[a]).isCloseTo(djl[a], within(1e-5));
                }
            }
        }
    }

    @Test
    void periodicTargetSendsTheOldScalarUntilItsCopy() {
        try (NeuralQLearner l = new NeuralQLearner(0, 4, 2, 0.9, small(TargetUpdate.periodic(10)), 3)) {
            double initial = l.handoffScalar(Z0);
            int k = 0;
            while (l.trainingSteps() < 9) {
                l.observe(Z0, k++ % 2, 5.0, 1, 0, false, 1, -1, null);
            }
            assertThat(l.handoffScalar(Z0)).isEqualTo(initial);
            while (l.trainingSteps() < 10) {
                l.observe(Z0, k++ % 2, 5.0, 1, 0, false, 1, -1, null);
            }
            double online = Math.max(l.q(Z0, 0), l.q(Z0, 1));
            assertThat(l.handoffScalar(Z0)).isNotEqualTo(initial).isCloseTo(online, within(1e-6));
        }
    }

    @Test
    void polyakTargetMovesPartWayTowardsTheOnlineNetwork() {
        try (NeuralQLearner l = new NeuralQLearner(0, 4, 2, 0.9, small(TargetUpdate.polyak(0.1)), 4)) {
            double initial = l.handoffScalar(Z0);
            for (int k = 0; k < 200; k++) {
                l.observe(Z0, k % 2, 5.0, 1, 0, false, 1, -1, null);
            }
            double target = l.handoffScalar(Z0);
            double online = Math.max(l.q(Z0, 0), l.q(Z0, 1));
            assertThat(target).isGreaterThan(initial + 0.5 * (online - initial)).isLessThan(online);
        }
    }

    @Test
    void receiverKeepsHandedOffViewsForRequeriesUntilOverwritten() {
        NeuralSettings s = small(TargetUpdate.periodic(10)).withScalarMode(ScalarMode.REQUERY);
        try (NeuralQLearner receiver = new NeuralQLearner(1, 4, 2, 0.9, s, 5)) {
            long first = receiver.keepReceivedView(Z0);
            assertThat(receiver.requeryScalar(first)).isEqualTo(receiver.handoffScalar(Z0));
            for (int k = 0; k < 16; k++) {
                receiver.keepReceivedView(Z1);
            }
            assertThat(receiver.requeryScalar(first)).as("memory of 16 views: the first is gone").isNaN();
            assertThat(receiver.requeryScalar(first + 16)).isEqualTo(receiver.handoffScalar(Z1));
        }
    }

    @Test
    void aNeuralAgentHoldsOnlyItsOwnNetworkReplayAndSettings() {
        java.util.Set<Class<?>> own = java.util.Set.of(DjlQNetwork.class, MlpMirror.class, ReplayBuffer.class,
                Rng.class, NeuralSettings.class);
        for (java.lang.reflect.Field f : NeuralQLearner.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            boolean allowed = t.isPrimitive() || (t.isArray() && t.getComponentType().isPrimitive()) || own.contains(t);
            assertThat(allowed).as("field %s of type %s", f.getName(), t.getName()).isTrue();
        }
    }

    @Test
    void mirrorForwardMatchesAHandComputedMlp() {
        MlpMirror m = new MlpMirror(2, 2, 1);
        m.initialise(new Rng(1));
        float[] w0 = m.pyTorchWeight(0);
        float[] b0 = m.bias(0);
        float[] w1 = m.pyTorchWeight(1);
        float[] b1 = m.bias(1);
        float[] x = {0.5f, -1f};
        double h0 = Math.max(0, w0[0] * x[0] + w0[1] * x[1] + b0[0]);
        double h1 = Math.max(0, w0[2] * x[0] + w0[3] * x[1] + b0[1]);
        float[] out = new float[1];
        m.forward(x, out);
        assertThat((double) out[0]).isCloseTo(w1[0] * h0 + w1[1] * h1 + b1[0], within(1e-6));
    }
}
