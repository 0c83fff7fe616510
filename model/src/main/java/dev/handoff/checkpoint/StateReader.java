package dev.handoff.checkpoint;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads what a {@link StateWriter} wrote; a truncated or mismatched checkpoint gives a {@link CheckpointException}. */
public final class StateReader implements AutoCloseable {
    private static final int MAX_ARRAY = 1 << 28;
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

    /** Reads an int array that must have {@code expected} elements (−1: any length). */
    public int[] getInts(int expected) {
        int[] a = new int[length(expected)];
        for (int i = 0; i < a.length; i++) {
            a[i] = getInt();
        }
        return a;
    }

    public long[] getLongs(int expected) {
        long[] a = new long[length(expected)];
        for (int i = 0; i < a.length; i++) {
            a[i] = getLong();
        }
        return a;
    }

    public double[] getDoubles(int expected) {
        double[] a = new double[length(expected)];
        for (int i = 0; i < a.length; i++) {
            a[i] = getDouble();
        }
        return a;
    }

    public float[] getFloats(int expected) {
        float[] a = new float[length(expected)];
        for (int i = 0; i < a.length; i++) {
            a[i] = Float.intBitsToFloat(getInt());
        }
        return a;
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
