package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * One agent's replay of its own handoffs (z, a, R, τ, m, done), in primitive ring arrays; with each entry the
 * receiver and the handoff id under which the receiver keeps its view (for re-queries). Sampling is uniform with
 * replacement from the project's seeded RNG. Allocation-free.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int encoding;
    private final float[] view;
    private final int[] action;
    private final double[] reward;
    private final int[] tau;
    private final double[] scalar;
    private final boolean[] done;
    private final int[] receiver;
    private final long[] handoffId;
    private int next;
    private int size;

    public ReplayBuffer(int capacity, int encodingSize) {
        this.capacity = capacity;
        this.encoding = encodingSize;
        this.view = new float[capacity * encodingSize];
        this.action = new int[capacity];
        this.reward = new double[capacity];
        this.tau = new int[capacity];
        this.scalar = new double[capacity];
        this.done = new boolean[capacity];
        this.receiver = new int[capacity];
        this.handoffId = new long[capacity];
    }

    /** Stores one transition; {@code receiverAgent} is −1 and {@code id} −1 when the handoff was a STOP. */
    public void add(float[] z, int a, double r, int t, double m, boolean isDone, int receiverAgent, long id) {
        System.arraycopy(z, 0, view, next * encoding, encoding);
        action[next] = a;
        reward[next] = r;
        tau[next] = t;
        scalar[next] = m;
        done[next] = isDone;
        receiver[next] = receiverAgent;
        handoffId[next] = id;
        next = next + 1 == capacity ? 0 : next + 1;
        if (size < capacity) {
            size++;
        }
    }

    /** Fills {@code out} with uniform indices into the stored transitions. */
    public void sample(Rng rng, int[] out, int count) {
        for (int k = 0; k < count; k++) {
            out[k] = rng.nextInt(size);
        }
    }

    /** Copies the view of entry {@code i} into {@code out} at {@code offset}. */
    public void copyView(int i, float[] out, int offset) {
        System.arraycopy(view, i * encoding, out, offset, encoding);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int action(int i) {
        return action[i];
    }

    public double reward(int i) {
        return reward[i];
    }

    public int tau(int i) {
        return tau[i];
    }

    public double scalar(int i) {
        return scalar[i];
    }

    public boolean done(int i) {
        return done[i];
    }

    public int receiver(int i) {
        return receiver[i];
    }

    public long handoffId(int i) {
        return handoffId[i];
    }
}
