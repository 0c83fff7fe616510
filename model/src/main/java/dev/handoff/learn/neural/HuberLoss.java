package dev.handoff.learn.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The Huber loss of the TD error, mean over the batch: ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond. DJL's Loss has none. */
final class HuberLoss extends Loss {
    private final float delta;

    HuberLoss(double delta) {
        super("HuberLoss");
        this.delta = (float) delta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray d = predictions.singletonOrThrow().sub(labels.singletonOrThrow()).abs();
        NDArray quadratic = d.minimum(delta);
        NDArray linear = d.sub(quadratic);
        return quadratic.square().mul(0.5f).add(linear.mul(delta)).mean();
    }
}
