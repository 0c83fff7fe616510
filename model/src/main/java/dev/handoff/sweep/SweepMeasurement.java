package dev.handoff.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The experiment behind a sweep: at one value of the swept axis and one seed, run what must be run (the rest of the
 * workflow held fixed) and return one reading per compared policy. Must be deterministic for its (value, seed) and
 * safe to call from several threads at once (each call builds its own simulators).
 */
@FunctionalInterface
public interface SweepMeasurement {
    /**
     * Measures one cell. {@code runFolder} is null unless the sweep keeps run folders ({@code --keep-runs}) and the
     * algorithm {@link SweepAlgorithm#trains() trains}: then the measurement writes the run folder of what it trained
     * there (a local, empty or missing folder; {@link SweepRuns} moves it into the sweep's folder), and its readings
     * are the same as without one.
     */
    List<SweepReading> measure(double value, long seed, Path runFolder) throws Exception;
}
