package dev.handoff.train.live;

/**
 * Decisions taken by each agent since the previous sample, from one seed's visit counters: who held the artifact
 * recently, at any speed, without a hook in the hot loop.
 */
public record ActivitySample(long handoffs, long[] decisionsByAgent) {
}
