package dev.handoff.sweep;

import java.util.List;

/**
 * What one cell measured: one reading per policy of its algorithm, how long it took and where it ran (a host or
 * executor name, for the record). Only this small row travels back from wherever the cell ran.
 */
public record SweepCellResult(SweepCell cell, List<SweepReading> readings, double seconds, String worker) {
    public SweepCellResult {
        readings = List.copyOf(readings);
        worker = worker == null ? "" : worker;
    }

    /**
     * Runs one cell of {@code design} here and now.
     *
     * @throws IllegalArgumentException when the design has no such algorithm
     */
    public static SweepCellResult measure(SweepDesign design, SweepCell cell, String worker) throws Exception {
        SweepAlgorithm a = design.algorithm(cell.algorithm());
        if (a == null) {
            throw new IllegalArgumentException("the " + design.axis() + " sweep has no algorithm \"" + cell.algorithm()
                    + "\" (it has " + design.algorithms().stream().map(SweepAlgorithm::id).toList() + ")");
        }
        long t0 = System.nanoTime();
        List<SweepReading> readings = a.measurement().measure(cell.value(), cell.seed());
        return new SweepCellResult(cell, readings, (System.nanoTime() - t0) / 1e9, worker);
    }
}
