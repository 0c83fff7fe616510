package dev.handoff.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of a sweep — every (value, seed, algorithm) of a design — in one fixed order (values, then seeds, then
 * algorithms), and the assembly of their results into a {@link SweepResult}. Every engine enumerates and assembles
 * through this class, so the result does not depend on where, in which order or how often cells ran.
 */
public final class SweepGrid {
    private final SweepDesign design;
    private final double[] values;
    private final List<Long> seeds;

    public SweepGrid(SweepDesign design, double[] values, List<Long> seeds) {
        if (values.length == 0 || seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value and one seed");
        }
        this.design = design;
        this.values = values.clone();
        this.seeds = List.copyOf(seeds);
    }

    public SweepDesign design() {
        return design;
    }

    public double[] values() {
        return values.clone();
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** Every cell once, values outermost, then seeds, then the design's algorithms (a repeated value or seed once). */
    public List<SweepCell> cells() {
        List<SweepCell> out = new ArrayList<>();
        java.util.Set<SweepCell> seen = new java.util.HashSet<>();
        for (double v : values) {
            for (long s : seeds) {
                for (SweepAlgorithm a : design.algorithms()) {
                    SweepCell c = new SweepCell(v, s, a.id());
                    if (seen.add(c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The sweep's result from the results of all its cells.
     *
     * @throws IllegalStateException when a cell is missing or its readings are not the policies and metrics the design
     *                               declared for its algorithm
     */
    public SweepResult assemble(Map<SweepCell, SweepCellResult> results, double wallSeconds) {
        List<String> policies = design.policies();
        int metrics = design.metrics().size();
        double[][][][] data = new double[policies.size()][metrics][values.length][seeds.size()];
        for (int v = 0; v < values.length; v++) {
            for (int s = 0; s < seeds.size(); s++) {
                for (SweepAlgorithm a : design.algorithms()) {
                    SweepCell cell = new SweepCell(values[v], seeds.get(s), a.id());
                    SweepCellResult r = results.get(cell);
                    if (r == null) {
                        throw new IllegalStateException("no result for the cell " + cell.describe(design.axis()));
                    }
                    store(a, r.readings(), data, v, s);
                }
            }
        }
        return new SweepResult(design, values, seeds, data, wallSeconds);
    }

    /**
     * A problem with readings that claim to be one cell of {@code algorithm} (a policy it does not measure, a metric
     * missing), or null when they fit. Used to check results read back from a folder before trusting them.
     */
    public String problemWith(SweepAlgorithm algorithm, List<SweepReading> readings) {
        try {
            store(algorithm, readings, new double[design.policies().size()][design.metrics().size()][1][1], 0, 0);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** Puts one cell's readings in place, checking they are the algorithm's policies and the design's metrics. */
    private void store(SweepAlgorithm algorithm, List<SweepReading> readings, double[][][][] data, int v, int s) {
        List<String> policies = design.policies();
        boolean[] seen = new boolean[policies.size()];
        for (SweepReading r : readings) {
            int p = policies.indexOf(r.policy());
            if (p < 0 || !algorithm.policies().contains(r.policy()) || seen[p]) {
                throw new IllegalStateException("unexpected or repeated policy \"" + r.policy() + "\" in a reading of "
                        + algorithm.id());
            }
            seen[p] = true;
            for (int m = 0; m < design.metrics().size(); m++) {
                Double x = r.metrics().get(design.metrics().get(m).id());
                if (x == null) {
                    throw new IllegalStateException("reading of " + r.policy() + " lacks metric "
                            + design.metrics().get(m).id());
                }
                data[p][m][v][s] = x;
            }
        }
        for (String policy : algorithm.policies()) {
            if (!seen[policies.indexOf(policy)]) {
                throw new IllegalStateException("no reading for policy " + policy);
            }
        }
    }
}
