package dev.handoff.components;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.AgentLearner;
import dev.handoff.util.Rng;

/**
 * Feeds IC-Q learners T transitions of the exact model and returns what they learned, by global view: either along
 * ONE Markov trajectory of the behaviour chain (started from μ), or T independent draws s ~ μ, a ~ b, one model step.
 * Both use the same noise (the next-state draw of {@link ModelSampler}), so their difference is the mixing of the
 * chain alone. Each update gives the acting agent R(s,a) + d·m with m the receiver's one scalar.
 */
public final class MixingRun {
    /** How the T transitions are drawn. */
    public enum Sampling { MARKOV, IID }

    private MixingRun() {
    }

    public static double[][] train(FiniteSmdp m, AgentLearner[] learners, ModelSampler sampler, Sampling sampling,
                                   long transitions, Rng rng) {
        int[] viewOf = m.viewOf();
        int[] agentOf = m.agentOf();
        int[] offset = m.viewOffset();
        int s = sampler.stationaryState(rng);
        for (long k = 0; k < transitions; k++) {
            if (sampling == Sampling.IID) {
                s = sampler.stationaryState(rng);
            }
            int a = sampler.behaviourAction(s, rng);
            int i = agentOf[s];
            int s2 = sampler.step(s, a, rng);
            double d = sampler.lastDiscount();
            double scalar = 0;
            if (d > 0) {
                int j = agentOf[s2];
                scalar = learners[j].handoffScalar(viewOf[s2] - offset[j]);
            }
            learners[i].learn(viewOf[s] - offset[i], a, sampler.reward(s, a) + d * scalar, 0, 0);
            s = s2;
        }
        return viewTable(m, learners);
    }

    /** The learners' Q by global view. */
    public static double[][] viewTable(FiniteSmdp m, AgentLearner[] learners) {
        double[][] table = new double[m.viewCount()][];
        for (int i = 0; i < m.agentCount(); i++) {
            for (int k = 0; k < m.viewCountOfAgent()[i]; k++) {
                double[] row = new double[m.actionCountOfAgent()[i]];
                for (int a = 0; a < row.length; a++) {
                    row[a] = learners[i].q(k, a);
                }
                table[m.viewOffset()[i] + k] = row;
            }
        }
        return table;
    }
}
