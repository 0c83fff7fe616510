package dev.handoff.train;

/**
 * What one seed's learners did over one window of handoffs: the training event listeners receive, and one row of
 * {@code metrics.csv}. Arrays are indexed by agent or by handoff edge (the workflow's {@code handoffs} order).
 */
public record TrainingWindow(
        Algorithm algorithm,
        long seed,
        long handoffs,
        long episodes,
        int episodesInWindow,
        double meanEpisodeReturn,
        double[] meanAbsTdByAgent,
        long[] decisionsByAgent,
        double[] scalarMeanByEdge,
        double[] scalarStdByEdge,
        long[] scalarCountByEdge,
        double epsilon) {
}
