package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * One agent of neural IC-Q (ICQ.md §3): its own Q-network on DJL over its interface encoding ψ(z), one output per
 * action, trained from its own replay of (z, a, R, τ, m, done) with TD target y = R + γ^τ m, and a target network
 * from which it computes the one scalar it sends back when it receives the artifact. Acting and scalars use plain-Java
 * mirrors of the weights (no JNI per decision). As a receiver in re-query mode it keeps each handed-off view under a
 * handoff id. It holds no reference to any other agent: the trainer carries the scalars.
 */
public final class NeuralQLearner implements AutoCloseable {
    private static final int POW_CACHE = 256;

    private final int agent;
    private final int actions;
    private final int encoding;
    private final double gamma;
    private final NeuralSettings settings;
    private final DjlQNetwork network;
    private final MlpMirror online;
    private final MlpMirror target;
    private final ReplayBuffer replay;
    private final Rng replayRng;
    private final double[] gammaPow = new double[POW_CACHE];
    private final float[] q;
    private final int[] batchIndex;
    private final float[] batchX;
    private final float[] batchMask;
    private final float[] batchY;
    private final float[] scratchView;
    private final float[] received;
    private long receivedCount;
    private long decisions;
    private long trainingSteps;
    private long requeries;
    private long requeryMisses;
    private double lastLoss = Double.NaN;

    /**
     * @param agent    this agent's index (its name to DJL and on the re-query wire)
     * @param encoding length of ψ(z)
     * @param seed     seeds the initial weights, DJL's engine RNG and the replay sampling
     */
    public NeuralQLearner(int agent, int encoding, int actions, double gamma, NeuralSettings settings, long seed) {
        this.agent = agent;
        this.actions = actions;
        this.encoding = encoding;
        this.gamma = gamma;
        this.settings = settings;
        Rng rng = new Rng(seed);
        int[] sizes = MlpMirror.layerSizes(encoding, settings.width(), settings.depth(), actions);
        this.online = new MlpMirror(sizes);
        online.initialise(rng.split());
        this.target = new MlpMirror(sizes);
        target.copyFrom(online);
        this.network = new DjlQNetwork("icq-agent-" + agent, online, settings.learningRate(), settings.huberDelta(),
                (int) rng.nextLong());
        this.replayRng = rng.split();
        this.replay = new ReplayBuffer(settings.replayCapacity(), encoding);
        for (int k = 0; k < POW_CACHE; k++) {
            gammaPow[k] = Math.pow(gamma, k);
        }
        this.q = new float[actions];
        int b = settings.batchSize();
        this.batchIndex = new int[b];
        this.batchX = new float[b * encoding];
        this.batchMask = new float[b * actions];
        this.batchY = new float[b];
        this.scratchView = new float[encoding];
        this.received = settings.scalarMode() == ScalarMode.REQUERY
                ? new float[settings.requeryMemory() * encoding] : new float[0];
    }

    /** ε-greedy on the online mirror. */
    public int act(float[] z, double epsilon, Rng rng) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(actions);
        }
        return greedyAction(z);
    }

    /** argmax_a Q(z, a) on the online mirror, ties to the lowest index. */
    public int greedyAction(float[] z) {
        online.forward(z, q);
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[a] > q[best]) {
                best = a;
            }
        }
        return best;
    }

    /** The one scalar sent back on receiving the artifact in view z: max_a Q⁻(z, a) of the target network. */
    public double handoffScalar(float[] z) {
        target.forward(z, q);
        float best = q[0];
        for (int a = 1; a < actions; a++) {
            best = Math.max(best, q[a]);
        }
        return best;
    }

    /** Re-query mode, receiver side: keeps the view just received and returns its handoff id. */
    public long keepReceivedView(float[] z) {
        long id = receivedCount++;
        int slot = (int) (id % settings.requeryMemory());
        System.arraycopy(z, 0, received, slot * encoding, encoding);
        return id;
    }

    /** Re-query mode, receiver side: a fresh scalar for the view kept under {@code handoffId}, NaN if overwritten. */
    public double requeryScalar(long handoffId) {
        if (handoffId < 0 || handoffId >= receivedCount || receivedCount - handoffId > settings.requeryMemory()) {
            return Double.NaN;
        }
        int slot = (int) (handoffId % settings.requeryMemory());
        System.arraycopy(received, slot * encoding, scratchView, 0, encoding);
        return handoffScalar(scratchView);
    }

    /**
     * Records the agent's own handoff and trains when due.
     *
     * @param receiver the receiving agent (−1 on STOP), with the id it issued ({@code handoffId}, −1 if none)
     * @param channel  the wire for re-queries (unused in stored mode)
     * @return the TD error y − Q(z, a) on the online mirror before training
     */
    public double observe(float[] z, int action, double reward, int tau, double scalar, boolean done, int receiver,
                          long handoffId, ScalarChannel channel) {
        online.forward(z, q);
        double td = reward + discount(tau) * scalar - q[action];
        replay.add(z, action, reward, tau, scalar, done, receiver, handoffId);
        decisions++;
        if (replay.size() >= settings.warmup() && decisions % settings.trainEvery() == 0) {
            trainStep(channel);
        }
        return td;
    }

    private double discount(int tau) {
        return tau < POW_CACHE ? gammaPow[tau] : Math.pow(gamma, tau);
    }

    /** One training step on a replayed batch (re-querying receivers in re-query mode), then mirror and target. */
    public void trainStep(ScalarChannel channel) {
        int b = settings.batchSize();
        replay.sample(replayRng, batchIndex, b);
        java.util.Arrays.fill(batchMask, 0f);
        boolean requery = settings.scalarMode() == ScalarMode.REQUERY;
        for (int k = 0; k < b; k++) {
            int i = batchIndex[k];
            replay.copyView(i, batchX, k * encoding);
            batchMask[k * actions + replay.action(i)] = 1f;
            double m = replay.scalar(i);
            if (requery && !replay.done(i) && replay.receiver(i) >= 0) {
                double fresh = channel.requery(replay.receiver(i), replay.handoffId(i));
                requeries++;
                if (Double.isNaN(fresh)) {
                    requeryMisses++;
                } else {
                    m = fresh;
                }
            }
            batchY[k] = (float) (replay.reward(i) + discount(replay.tau(i)) * m);
        }
        lastLoss = network.train(batchX, batchMask, batchY, b);
        trainingSteps++;
        if (trainingSteps % settings.mirrorRefresh() == 0) {
            network.copyTo(online);
            TargetUpdate t = settings.target();
            if (t.isPolyak()) {
                target.blendFrom(online, t.polyakTau());
            }
        }
        TargetUpdate t = settings.target();
        if (!t.isPolyak() && trainingSteps % t.period() == 0) {
            network.copyTo(online);
            target.copyFrom(online);
        }
    }

    /** Q(z, a) on the online mirror. */
    public double q(float[] z, int action) {
        online.forward(z, q);
        return q[action];
    }

    /** Q(z, ·) on the online mirror into {@code out}. */
    public void qValues(float[] z, float[] out) {
        online.forward(z, out);
    }

    /** Q(z, ·) through DJL itself (cross-check of the mirror). */
    public float[] qValuesFromNetwork(float[] z) {
        return network.predict(z);
    }

    public int agent() {
        return agent;
    }

    public int actionCount() {
        return actions;
    }

    public int encodingSize() {
        return encoding;
    }

    public long decisions() {
        return decisions;
    }

    public long trainingSteps() {
        return trainingSteps;
    }

    /** Re-queries this agent made as a sender. */
    public long requeries() {
        return requeries;
    }

    /** Re-queries that found the receiver's view overwritten (the stored scalar was used instead). */
    public long requeryMisses() {
        return requeryMisses;
    }

    public double lastLoss() {
        return lastLoss;
    }

    public NeuralSettings settings() {
        return settings;
    }

    /**
     * Writes this agent's network into {@code dir}: the DJL parameters file {@code <name>-0000.params} and returns the
     * architecture with the weights the agent acts with (its online mirror; with {@code mirrorRefresh} 1 they are the DJL
     * parameters, otherwise they may lag them by up to {@code mirrorRefresh − 1} training steps).
     */
    public NetworkFile writeNetwork(java.nio.file.Path dir, String name) throws java.io.IOException {
        java.nio.file.Path params = network.saveParameters(dir, name);
        MlpMirror current = new MlpMirror(online.sizes());
        current.copyFrom(online);
        return NetworkFile.of(current, params.getFileName().toString());
    }

    /**
     * Writes this learner's whole state: DJL network (weights and Adam state), online and target mirrors, the replay
     * buffer and its sampling RNG, the re-query memory and the counters.
     */
    public void saveState(dev.handoff.checkpoint.StateWriter out) {
        network.saveState(out);
        saveMirror(online, out);
        saveMirror(target, out);
        replay.saveState(out);
        out.putLongs(replayRng.state());
        out.putFloats(received).putLong(receivedCount).putLong(decisions).putLong(trainingSteps).putLong(requeries)
                .putLong(requeryMisses).putDouble(lastLoss);
    }

    /** Restores a state written by {@link #saveState} for a learner of the same shape and settings. */
    public void restoreState(dev.handoff.checkpoint.StateReader in) {
        network.restoreState(in);
        restoreMirror(online, in);
        restoreMirror(target, in);
        replay.restoreState(in);
        replayRng.restore(in.getLongs(4));
        System.arraycopy(in.getFloats(received.length), 0, received, 0, received.length);
        receivedCount = in.getLong();
        decisions = in.getLong();
        trainingSteps = in.getLong();
        requeries = in.getLong();
        requeryMisses = in.getLong();
        lastLoss = in.getDouble();
    }

    private static void saveMirror(MlpMirror m, dev.handoff.checkpoint.StateWriter out) {
        for (int l = 0; l < m.layerCount(); l++) {
            out.putFloats(m.pyTorchWeight(l)).putFloats(m.bias(l));
        }
    }

    private static void restoreMirror(MlpMirror m, dev.handoff.checkpoint.StateReader in) {
        int[] sizes = m.sizes();
        for (int l = 0; l < m.layerCount(); l++) {
            float[] w = in.getFloats(sizes[l] * sizes[l + 1]);
            m.loadPyTorchLayout(l, w, in.getFloats(sizes[l + 1]));
        }
    }

    /** The online mirror (read-only use: export, display). */
    public MlpMirror onlineMirror() {
        return online;
    }

    @Override
    public void close() {
        network.close();
    }
}
