package dev.handoff.benchmarks;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The limit" is the product's learning, only faster: after the same handoffs from the same seed, through the ε decay
 * and well past it, its Q-tables and visit counts equal those of the product's {@link SeedTrainer} bit for bit. If the
 * two drifted apart, the limit's speed would be the speed of some other computation.
 */
class RingLimitLoopTest {
    private static final long HANDOFFS = 2_600_000;

    @Test
    void limitLoopLearnsExactlyTheProductsTables() {
        for (int agents : new int[] {10, 101}) {
            for (long seed : new long[] {1, 7}) {
                assertSameTables(agents, seed);
            }
        }
    }

    private static void assertSameTables(int agents, long seed) {
        Workflow ring = SyntheticTemplates.ring("ring" + agents, agents, 0.0, 0.05);
        int window = ring.training().evaluationWindow();
        EpsilonSpec epsilon = ring.training().epsilon();
        SeedTrainer product = new SeedTrainer(ring, new SyntheticKind(), Algorithm.ICQ_TABULAR, seed, HANDOFFS);
        product.runUntil(HANDOFFS, null);
        RingLimitLoop limit = new RingLimitLoop(agents, seed);
        for (long done = 0; done < HANDOFFS; done += window) {
            limit.run(window, epsilon.at(done));
        }
        for (int i = 0; i < agents; i++) {
            assertThat(limit.q(i)).as("ring%d seed %d, agent %d: Q", agents, seed, i).containsExactly(product.learner(i).table());
            assertThat(limit.visits(i)).as("ring%d seed %d, agent %d: visits", agents, seed, i)
                    .containsExactly(product.learner(i).visitTable());
        }
    }
}
