package dev.handoff.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a checkpoint as plain typed values (never Java serialization): counters, arrays and RNG states, in an order
 * the matching {@link StateReader} reads back. Every array is length-prefixed, so a mismatch is detected, not guessed.
 */
public final class StateWriter implements AutoCloseable {
    private final DataOutputStream out;

    public StateWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    public StateWriter putInt(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter putLong(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter putDouble(double v) {
        return putLong(Double.doubleToRawLongBits(v));
    }

    public StateWriter putString(String s) {
        try {
            out.writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter putInts(int[] a) {
        putInt(a.length);
        for (int v : a) {
            putInt(v);
        }
        return this;
    }

    public StateWriter putLongs(long[] a) {
        putInt(a.length);
        for (long v : a) {
            putLong(v);
        }
        return this;
    }

    public StateWriter putDoubles(double[] a) {
        putInt(a.length);
        for (double v : a) {
            putDouble(v);
        }
        return this;
    }

    public StateWriter putFloats(float[] a) {
        putInt(a.length);
        for (float v : a) {
            putInt(Float.floatToRawIntBits(v));
        }
        return this;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
