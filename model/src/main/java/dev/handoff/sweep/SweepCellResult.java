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
        return measure(design, cell, worker, null);
    }

    /**
     * Runs one cell of {@code design} here and now, keeping its run folder in {@code runs} (null: none) when its
     * algorithm trains ({@link SweepRuns}).
     *
     * @throws IllegalArgumentException when the design has no such algorithm
     */
    public static SweepCellResult measure(SweepDesign design, SweepCell cell, String worker, SweepFolder runs)
            throws Exception {
        SweepAlgorithm a = design.algorithm(cell.algorithm());
        if (a == null) {
            throw new IllegalArgumentException("the " + design.axis() + " sweep has no algorithm \"" + cell.algorithm()
                    + "\" (it has " + design.algorithms().stream().map(SweepAlgorithm::id).toList() + ")");
        }
        long t0 = System.nanoTime();
        List<SweepReading> readings = SweepRuns.measure(a, design.axis(), cell, runs);
        return new SweepCellResult(cell, readings, (System.nanoTime() - t0) / 1e9, worker);
    }
}
