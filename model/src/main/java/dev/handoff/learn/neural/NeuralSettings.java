package dev.handoff.learn.neural;

/**
 * The practical neural IC-Q learner's knobs (ICQ.md §3): an MLP of {@code depth} hidden layers of {@code width} ReLU
 * units per agent over its interface encoding, one output per action, trained by Adam on the Huber loss from the
 * agent's own replay, with a per-agent target network.
 *
 * @param width          hidden units per layer
 * @param depth          hidden layers (≥ 1)
 * @param learningRate   Adam's step
 * @param batchSize      transitions per training step
 * @param replayCapacity transitions kept per agent (oldest overwritten)
 * @param warmup         transitions an agent collects before its first training step (≥ batchSize)
 * @param trainEvery     one training step every this many of the agent's own decisions
 * @param target         target-network update
 * @param huberDelta     δ of the Huber loss
 * @param scalarMode     stored scalar (default) or re-query
 * @param mirrorRefresh  copy the online weights into the plain-Java mirror every this many training steps
 * @param requeryMemory  handed-off views a receiver keeps for re-queries (older ids fall back to the stored scalar)
 */
public record NeuralSettings(
        int width,
        int depth,
        double learningRate,
        int batchSize,
        int replayCapacity,
        int warmup,
        int trainEvery,
        TargetUpdate target,
        double huberDelta,
        ScalarMode scalarMode,
        int mirrorRefresh,
        int requeryMemory) {

    public static final NeuralSettings DEFAULTS = new NeuralSettings(64, 2, 3e-3, 32, 20_000, 256, 1,
            TargetUpdate.periodic(100), 1.0, ScalarMode.STORED, 1, 200_000);

    public NeuralSettings {
        if (width < 1 || depth < 1 || batchSize < 1 || replayCapacity < batchSize || trainEvery < 1 || mirrorRefresh < 1
                || requeryMemory < 1) {
            throw new IllegalArgumentException("invalid neural settings: " + width + "x" + depth + ", batch " + batchSize
                    + ", replay " + replayCapacity);
        }
        warmup = Math.max(warmup, batchSize);
        if (target == null) {
            target = TargetUpdate.periodic(200);
        }
        if (scalarMode == null) {
            scalarMode = ScalarMode.STORED;
        }
    }

    public NeuralSettings withWidth(int w) {
        return new NeuralSettings(w, depth, learningRate, batchSize, replayCapacity, warmup, trainEvery, target,
                huberDelta, scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withDepth(int d) {
        return new NeuralSettings(width, d, learningRate, batchSize, replayCapacity, warmup, trainEvery, target,
                huberDelta, scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withBatchSize(int b) {
        return new NeuralSettings(width, depth, learningRate, b, replayCapacity, warmup, trainEvery, target, huberDelta,
                scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withScalarMode(ScalarMode m) {
        return new NeuralSettings(width, depth, learningRate, batchSize, replayCapacity, warmup, trainEvery, target,
                huberDelta, m, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withTarget(TargetUpdate t) {
        return new NeuralSettings(width, depth, learningRate, batchSize, replayCapacity, warmup, trainEvery, t,
                huberDelta, scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withTrainEvery(int k) {
        return new NeuralSettings(width, depth, learningRate, batchSize, replayCapacity, warmup, k, target, huberDelta,
                scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withLearningRate(double lr) {
        return new NeuralSettings(width, depth, lr, batchSize, replayCapacity, warmup, trainEvery, target, huberDelta,
                scalarMode, mirrorRefresh, requeryMemory);
    }

    public NeuralSettings withMirrorRefresh(int k) {
        return new NeuralSettings(width, depth, learningRate, batchSize, replayCapacity, warmup, trainEvery, target,
                huberDelta, scalarMode, k, requeryMemory);
    }
}
