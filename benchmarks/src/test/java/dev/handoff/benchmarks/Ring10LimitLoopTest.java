package dev.handoff.benchmarks;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "The limit" is the product's learning, only faster: after the same handoffs from the same seed, through the ε decay
 * and well past it, its Q-tables and visit counts equal those of the product's {@link SeedTrainer} bit for bit. If the
 * two drifted apart, the limit's speed would be the speed of some other computation.
 */
class Ring10LimitLoopTest {
    private static final long HANDOFFS = 2_600_000;

    @Test
    void limitLoopLearnsExactlyTheProductsTables() {
        Workflow ring = BenchmarkWorkflows.ring10();
        int window = ring.training().evaluationWindow();
        EpsilonSpec epsilon = ring.training().epsilon();
        for (long seed : new long[] {1, 7}) {
            SeedTrainer product = new SeedTrainer(ring, new SyntheticKind(), Algorithm.ICQ_TABULAR, seed, HANDOFFS);
            product.runUntil(HANDOFFS, null);
            Ring10LimitLoop limit = new Ring10LimitLoop(seed);
            for (long done = 0; done < HANDOFFS; done += window) {
                limit.run(window, epsilon.at(done));
            }
            int cells = Ring10LimitLoop.VIEWS * Ring10LimitLoop.ACTIONS;
            for (int i = 0; i < Ring10LimitLoop.AGENTS; i++) {
                assertThat(Arrays.copyOfRange(limit.q, i * cells, (i + 1) * cells))
                        .as("seed %d, agent %d: Q", seed, i).containsExactly(product.learner(i).table());
                assertThat(Arrays.copyOfRange(limit.visits, i * cells, (i + 1) * cells))
                        .as("seed %d, agent %d: visits", seed, i).containsExactly(product.learner(i).visitTable());
            }
        }
    }
}
