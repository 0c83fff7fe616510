package dev.handoff.learn.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;

/**
 * The Huber loss of the TD error, mean over the batch: ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond. DJL's Loss has none.
 *
 * <p>The constants δ and ½ are arrays of the predictions' manager, never {@code Number} operands: DJL 0.36's PyTorch
 * {@code mul(Number)}, {@code minimum(Number)}, … wrap the number in a tensor whose storage is a Java direct buffer and
 * close it as soon as the forward operation returns, while autograd keeps that tensor for the backward pass. Once the
 * garbage collector frees the buffer, backward reads freed (and soon reused) memory, so a training step's gradient
 * depended on when the JVM collected garbage. Arrays of the manager stay open, buffer and all, until the caller closes
 * that manager after the optimiser step.
 */
final class HuberLoss extends Loss {
    private final float delta;
    /** δ and ½ kept for the life of a network's manager (see {@link #keepConstantsIn}), or null: made per call. */
    private NDArray keptDelta;
    private NDArray keptHalf;

    HuberLoss(double delta) {
        super("HuberLoss");
        this.delta = (float) delta;
    }

    /**
     * Makes δ and ½ once, as arrays of {@code manager} (a network's own, open as long as the network), instead of two
     * new arrays per training step (issue 16.5: two JNI calls and two native buffers less per step, same values).
     */
    void keepConstantsIn(NDManager manager) {
        keptDelta = manager.create(delta);
        keptHalf = manager.create(0.5f);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDManager manager = prediction.getManager();
        NDArray deltaArray = keptDelta != null ? keptDelta : manager.create(delta);
        NDArray half = keptHalf != null ? keptHalf : manager.create(0.5f);
        NDArray d = prediction.sub(labels.singletonOrThrow()).abs();
        NDArray quadratic = d.minimum(deltaArray);
        NDArray linear = d.sub(quadratic);
        return quadratic.square().mul(half).add(linear.mul(deltaArray)).mean();
    }
}
