package dev.handoff.sweep;

/**
 * One unit of a sweep's work: one algorithm of the design at one axis value and one seed. A cell is named by what it
 * measures, not by its position in the grid, so a sweep resumed with more seeds or values reuses the cells it has.
 */
public record SweepCell(double value, long seed, String algorithm) {
    public SweepCell {
        if (algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("a sweep cell needs an algorithm");
        }
    }

    /**
     * The cell's file name inside a sweep folder's {@code cells/}: value, seed and algorithm, with any character that
     * is not a letter, digit, dot or dash in the algorithm replaced by {@code _} (the file's content names it exactly).
     */
    public String fileName() {
        return "v" + value + "_s" + seed + "_" + algorithm.replaceAll("[^A-Za-z0-9.-]", "_") + ".json";
    }

    /** For progress lines and error messages: {@code gap = 0.5, seed 3, icq-tabular}. */
    public String describe(String axis) {
        return axis + " = " + LogLogSlope.format(value) + ", seed " + seed + ", " + algorithm;
    }
}
