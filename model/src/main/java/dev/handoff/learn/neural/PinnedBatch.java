package dev.handoff.learn.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A training batch's three input tensors (views, action masks, TD targets) kept for the life of a network (issue 16.5):
 * each tensor is a view of a direct buffer this object owns, so refilling a batch is a plain memory copy in Java, with
 * no JNI call and no native allocation, where creating three tensors per step cost six JNI calls and three direct
 * buffers. The values are the same, so training steps are bit for bit the same. Not thread-safe: used under
 * {@link DjlQNetwork#TRAINING_LOCK}, and refilled only after the previous step's backward pass is done.
 */
final class PinnedBatch implements AutoCloseable {
    final int batch;
    final NDArray x;
    final NDArray mask;
    final NDArray y;
    private final ByteBuffer xBytes;
    private final ByteBuffer maskBytes;
    private final ByteBuffer yBytes;
    private final FloatBuffer xFloats;
    private final FloatBuffer maskFloats;
    private final FloatBuffer yFloats;

    PinnedBatch(NDManager manager, int batch, int inputs, int outputs) {
        this.batch = batch;
        xBytes = direct(batch * inputs);
        maskBytes = direct(batch * outputs);
        yBytes = direct(batch);
        xFloats = xBytes.asFloatBuffer();
        maskFloats = maskBytes.asFloatBuffer();
        yFloats = yBytes.asFloatBuffer();
        x = manager.create(xBytes, new Shape(batch, inputs), DataType.FLOAT32);
        mask = manager.create(maskBytes, new Shape(batch, outputs), DataType.FLOAT32);
        y = manager.create(yBytes, new Shape(batch), DataType.FLOAT32);
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
    }

    /**
     * Writes a batch into the tensors (arrays row-major, at least as long as the tensors) and lends the tensors to the
     * step's manager {@code step}: every array an operation on them makes belongs to it and is freed with it, while the
     * tensors themselves return to their own manager.
     */
    void fill(float[] views, float[] masks, float[] targets, NDManager step) {
        xFloats.put(0, views, 0, xFloats.capacity());
        maskFloats.put(0, masks, 0, maskFloats.capacity());
        yFloats.put(0, targets, 0, yFloats.capacity());
        x.tempAttach(step);
        mask.tempAttach(step);
        y.tempAttach(step);
    }

    @Override
    public void close() {
        x.close();
        mask.close();
        y.close();
    }
}
