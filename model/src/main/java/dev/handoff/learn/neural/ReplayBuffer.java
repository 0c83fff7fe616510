package dev.handoff.learn.neural;

import dev.handoff.util.Rng;

/**
 * One agent's replay of its own handoffs (z, a, R, τ, m, done), in primitive ring arrays; with each entry the
 * receiver and the handoff id under which the receiver keeps its view (for re-queries). Sampling is uniform with
 * replacement from the project's seeded RNG. Allocation-free.
 */
public final class ReplayBuffer implements dev.handoff.checkpoint.Checkpointable {
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

    /** Writes every stored transition and the ring position. */
    @Override
    public void saveState(dev.handoff.checkpoint.StateWriter out) {
        int[] flags = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            flags[i] = done[i] ? 1 : 0;
        }
        out.putInt(next).putInt(size).putFloats(view).putInts(action).putDoubles(reward).putInts(tau).putDoubles(scalar)
                .putInts(flags).putInts(receiver).putLongs(handoffId);
    }

    @Override
    public void restoreState(dev.handoff.checkpoint.StateReader in) {
        next = in.getInt();
        size = in.getInt();
        if (next < 0 || next >= capacity || size < 0 || size > capacity) {
            throw new dev.handoff.checkpoint.CheckpointException("the checkpoint's replay buffer does not fit a capacity of " + capacity);
        }
        System.arraycopy(in.getFloats(view.length), 0, view, 0, view.length);
        System.arraycopy(in.getInts(capacity), 0, action, 0, capacity);
        System.arraycopy(in.getDoubles(capacity), 0, reward, 0, capacity);
        System.arraycopy(in.getInts(capacity), 0, tau, 0, capacity);
        System.arraycopy(in.getDoubles(capacity), 0, scalar, 0, capacity);
        int[] flags = in.getInts(capacity);
        for (int i = 0; i < capacity; i++) {
            done[i] = flags[i] == 1;
        }
        System.arraycopy(in.getInts(capacity), 0, receiver, 0, capacity);
        System.arraycopy(in.getLongs(capacity), 0, handoffId, 0, capacity);
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
