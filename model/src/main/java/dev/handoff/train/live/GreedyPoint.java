package dev.handoff.train.live;

import dev.handoff.train.Algorithm;

/** The return J of one seed's greedy policy after {@code handoffs} handoffs (exact where the kind has a finite model). */
public record GreedyPoint(Algorithm algorithm, long seed, long handoffs, double greedyReturn) {
}
