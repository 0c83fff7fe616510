package dev.handoff.sweep;

import java.util.List;

/**
 * The experiment behind a sweep: at one value of the swept axis and one seed, run what must be run (the rest of the
 * workflow held fixed) and return one reading per compared policy. Must be deterministic for its (value, seed) and
 * safe to call from several threads at once (each call builds its own simulators).
 */
@FunctionalInterface
public interface SweepMeasurement {
    List<SweepReading> measure(double value, long seed) throws Exception;
}
