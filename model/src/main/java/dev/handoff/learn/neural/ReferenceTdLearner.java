package dev.handoff.learn.neural;

import dev.handoff.learn.AgentLearner;
import dev.handoff.learn.StepSizeSchedule;
import dev.handoff.util.Rng;

/**
 * One agent of neural IC-Q in the reference setting of the theory (ICQ.md §3): a {@link TwoLayerReluNetwork} over
 * the agent's view encodings, trained by sampled semi-gradient TD, W ← Proj_B(W + α_n·[R + γ^τ m − Q(z,a)]·∇Q(z,a)),
 * with α_n a schedule in the agent's own update count n. Like every IC-Q agent it sees only its views and the scalar.
 */
public final class ReferenceTdLearner implements AgentLearner {
    private final TwoLayerReluNetwork net;
    private final float[][] encodingOfView;
    private final double gamma;
    private final StepSizeSchedule stepSize;
    private final double[] out;
    private final long[] visits;
    private long updates;

    /**
     * @param encodingOfView ψ(z) for each of the agent's interface keys z
     * @param stepSize       α as a function of the agent's update count
     */
    public ReferenceTdLearner(TwoLayerReluNetwork net, float[][] encodingOfView, double gamma, StepSizeSchedule stepSize) {
        this.net = net;
        this.encodingOfView = encodingOfView;
        this.gamma = gamma;
        this.stepSize = stepSize;
        this.out = new double[net.outputs()];
        this.visits = new long[encodingOfView.length * net.outputs()];
    }

    @Override
    public int act(int z, double epsilon, Rng rng) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(net.outputs());
        }
        return greedyAction(z);
    }

    @Override
    public int greedyAction(int z) {
        net.forward(encodingOfView[z], out);
        int best = 0;
        for (int a = 1; a < out.length; a++) {
            if (out[a] > out[best]) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public double handoffScalar(int z) {
        net.forward(encodingOfView[z], out);
        double best = out[0];
        for (int a = 1; a < out.length; a++) {
            best = Math.max(best, out[a]);
        }
        return best;
    }

    @Override
    public double learn(int z, int action, double reward, int tau, double scalar) {
        float[] x = encodingOfView[z];
        net.forward(x, out);
        double td = reward + Math.pow(gamma, tau) * scalar - out[action];
        net.stepAlongGradient(x, action, stepSize.alpha(updates++) * td);
        visits[z * out.length + action]++;
        return td;
    }

    @Override
    public double q(int z, int action) {
        net.forward(encodingOfView[z], out);
        return out[action];
    }

    @Override
    public int viewCount() {
        return encodingOfView.length;
    }

    @Override
    public int actionCount() {
        return net.outputs();
    }

    @Override
    public long visits(int z, int action) {
        return visits[z * out.length + action];
    }

    public TwoLayerReluNetwork network() {
        return net;
    }
}
