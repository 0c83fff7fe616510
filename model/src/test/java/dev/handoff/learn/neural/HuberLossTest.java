package dev.handoff.learn.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Huber loss's gradient does not depend on when the JVM collects garbage: a collection between the forward and the
 * backward pass (with the freed native memory reused) leaves it at its analytic value clip(q − y, −δ, δ) / batch.
 */
class HuberLossTest {
    private static final float[] Q = {0.2f, -1.7f, 3.1f, 0.9f, -0.4f, 2.5f};
    private static final float[] Y = {0.0f, 0.5f, 0.3f, 1.4f, -2.9f, 2.2f};

    @Test
    void gradientSurvivesAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
        double delta = 1.0;
        float[] gradient;
        DjlQNetwork.TRAINING_LOCK.lock();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray q = manager.create(Q);
            q.setRequiresGradient(true);
            NDArray y = manager.create(Y);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = new HuberLoss(delta).evaluate(new NDList(y), new NDList(q));
                collectAndReuseFreedNativeMemory();
                collector.backward(loss);
            }
            gradient = q.getGradient().toFloatArray();
        } finally {
            DjlQNetwork.TRAINING_LOCK.unlock();
        }
        for (int i = 0; i < Q.length; i++) {
            double expected = Math.max(-delta, Math.min(delta, Q[i] - Y[i])) / Q.length;
            assertThat(gradient[i]).as("dL/dq[%d]", i).isCloseTo((float) expected, within(1e-6f));
        }
    }

    /**
     * Lets the collector free every unreachable direct buffer (the Cleaner runs on its own thread), then allocates many
     * small direct buffers filled with 1000 so that freed small native blocks are handed out again and overwritten.
     */
    private static void collectAndReuseFreedNativeMemory() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
        }
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int k = 0; k < 2_000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 * (1 + k % 4)).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) {
                b.putFloat(1000f);
            }
            reuse.add(b);
        }
        assertThat(reuse).hasSize(2_000);
    }
}
