package dev.handoff.learn;

import dev.handoff.util.Rng;

/**
 * One agent's learner in IC-Q (ICQ.md §2). It sees only its own views {@code z} (int interface keys) and, at each
 * of its handoffs, exactly one scalar {@code m} that the trainer carries back from the receiver. It holds no
 * reference to any other agent or to the environment's joint state: that is structural, and tested.
 */
public interface AgentLearner {
    /** Chooses an action ε-greedily for view {@code z}; {@code epsilon} is the current exploration rate. */
    int act(int z, double epsilon, Rng rng);

    /** The action with the highest Q-value (ties: lowest index). */
    int greedyAction(int z);

    /** The one scalar this agent sends back when it receives the artifact in view {@code z}: max_a Q(z, a). */
    double handoffScalar(int z);

    /**
     * The SMDP update on this agent's own clock: Q(z,a) ← Q(z,a) + α(n(z,a))·[R + γ^τ m − Q(z,a)].
     *
     * @return the TD error before the update
     */
    double learn(int z, int action, double reward, int tau, double scalar);

    double q(int z, int action);

    int viewCount();

    int actionCount();

    long visits(int z, int action);
}
