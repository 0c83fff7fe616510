package dev.handoff.views.training.extension;

import dev.handoff.checkpoint.StateWriter;
import dev.handoff.train.SeedRun;

import java.io.ByteArrayOutputStream;

/** A seed's whole checkpointed state as bytes, to show that a panel measured it without changing it. */
public final class SeedState {
    private SeedState() {
    }

    public static byte[] of(SeedRun seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        seed.saveState(w);
        w.close();
        return bytes.toByteArray();
    }
}
