package dev.handoff.views.training.policies;

import dev.handoff.train.Algorithm;

import java.nio.file.Path;

/**
 * A seed whose decentralised policy can be exported: tabular or neural IC-Q, or independent (the oracle is
 * centralised), of the current run ({@code runDir} null) or of a saved run folder (restored from its checkpoint).
 */
public record ExportChoice(Algorithm algorithm, long seed, Path runDir) {
    public ExportChoice(Algorithm algorithm, long seed) {
        this(algorithm, seed, null);
    }

    @Override
    public String toString() {
        return (runDir == null ? "" : "saved run " + runDir.getFileName() + ": ")
                + (algorithm == Algorithm.ICQ_TABULAR ? "IC-Q" : algorithm.cliName()) + ", seed " + seed;
    }
}
