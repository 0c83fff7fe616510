package dev.handoff.checkpoint;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads what a {@link StateWriter} wrote; a truncated or mismatched checkpoint gives a {@link CheckpointException}. */
public final class StateReader implements AutoCloseable {
    private static final int MAX_ARRAY = 1 << 28;
    private static final int FIRST_CHUNK = 1 << 16;
    private final DataInputStream in;

    public StateReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    public int getInt() {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new CheckpointException("the checkpoint ends early (truncated file?)");
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint: " + e.getMessage());
        }
    }

    public long getLong() {
        try {
            return in.readLong();
        } catch (EOFException e) {
            throw new CheckpointException("the checkpoint ends early (truncated file?)");
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint: " + e.getMessage());
        }
    }

    public double getDouble() {
        return Double.longBitsToDouble(getLong());
    }

    public String getString() {
        try {
            return in.readUTF();
        } catch (EOFException e) {
            throw new CheckpointException("the checkpoint ends early (truncated file?)");
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint: " + e.getMessage());
        }
    }

    private int length(int expected) {
        int n = getInt();
        if (n < 0 || n > MAX_ARRAY || (expected >= 0 && n != expected)) {
            throw new CheckpointException("checkpoint array of length " + n + " where " + (expected >= 0 ? expected : "a sane length")
                    + " was expected: the checkpoint does not fit this workflow");
        }
        return n;
    }

    /**
     * Reads an int array that must have {@code expected} elements (−1: any length). Arrays grow as their elements
     * arrive, from at most {@value #FIRST_CHUNK} slots, so a corrupted length in a short file fails with "ends early"
     * instead of allocating what the length claims.
     */
    public int[] getInts(int expected) {
        int n = length(expected);
        int[] a = new int[Math.min(n, FIRST_CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = Arrays.copyOf(a, grown(a.length, n));
            }
            a[i] = getInt();
        }
        return a;
    }

    public long[] getLongs(int expected) {
        int n = length(expected);
        long[] a = new long[Math.min(n, FIRST_CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = Arrays.copyOf(a, grown(a.length, n));
            }
            a[i] = getLong();
        }
        return a;
    }

    public double[] getDoubles(int expected) {
        int n = length(expected);
        double[] a = new double[Math.min(n, FIRST_CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = Arrays.copyOf(a, grown(a.length, n));
            }
            a[i] = getDouble();
        }
        return a;
    }

    public float[] getFloats(int expected) {
        int n = length(expected);
        float[] a = new float[Math.min(n, FIRST_CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) {
                a = Arrays.copyOf(a, grown(a.length, n));
            }
            a[i] = Float.intBitsToFloat(getInt());
        }
        return a;
    }

    /** Twice the length, at most {@code n}. */
    private static int grown(int length, int n) {
        return (int) Math.min(n, 2L * length);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CheckpointException("cannot close the checkpoint: " + e.getMessage());
        }
    }
}
