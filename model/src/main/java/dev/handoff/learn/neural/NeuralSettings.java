package dev.handoff.learn.neural;

import dev.handoff.workflow.NeuralSpec;
import dev.handoff.workflow.TrainingSettings;

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
 *                       <p>A workflow writes these as {@link NeuralSpec} ({@code training.neural}); {@link #of} reads
 *                       them, and the defaults are {@link NeuralSpec#DEFAULTS}'s, the one source for every reader.
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

    /** Every setting at its default ({@link NeuralSpec#DEFAULTS}). */
    public static final NeuralSettings DEFAULTS = of(NeuralSpec.DEFAULTS);

    /**
     * The settings a workflow's neural block describes, each field it leaves out at its default; a Polyak τ replaces the
     * periodic target copy. The block must be valid ({@link NeuralSpec#problems}).
     */
    public static NeuralSettings of(NeuralSpec spec) {
        NeuralSpec r = spec == null ? NeuralSpec.DEFAULTS : spec.resolved();
        TargetUpdate target = r.polyakTau() != null ? TargetUpdate.polyak(r.polyakTau()) : TargetUpdate.periodic(r.targetPeriod());
        return new NeuralSettings(r.width(), r.depth(), r.learningRate(), r.batchSize(), r.replayCapacity(), r.warmup(),
                r.trainEvery(), target, r.huberDelta(), ScalarMode.parse(r.scalarMode()), r.mirrorRefresh(),
                r.requeryMemory());
    }

    /** The neural settings of a workflow's training section (the defaults where it has no neural block). */
    public static NeuralSettings of(TrainingSettings training) {
        return of(training == null ? null : training.neural());
    }

    public NeuralSettings {
        if (width < 1 || depth < 1 || batchSize < 1 || replayCapacity < batchSize || trainEvery < 1 || mirrorRefresh < 1
                || requeryMemory < 1) {
            throw new IllegalArgumentException("invalid neural settings: " + width + "x" + depth + ", batch " + batchSize
                    + ", replay " + replayCapacity);
        }
        warmup = Math.max(warmup, batchSize);
        if (target == null) {
            target = TargetUpdate.periodic(NeuralSpec.DEFAULTS.targetPeriod());
        }
        if (scalarMode == null) {
            scalarMode = ScalarMode.parse(NeuralSpec.DEFAULTS.scalarMode());
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
