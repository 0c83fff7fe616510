package dev.handoff.checkpoint;

/** Something whose whole state can be written to a checkpoint and read back, so a resumed run is bit-identical. */
public interface Checkpointable {
    void saveState(StateWriter out);

    void restoreState(StateReader in);
}
