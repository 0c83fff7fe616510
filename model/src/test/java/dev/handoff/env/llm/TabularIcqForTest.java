package dev.handoff.env.llm;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;

import java.util.function.IntBinaryOperator;

/**
 * A compact tabular IC-Q loop (ICQ.md §2) used only to check that the llm-math environment is learnable: one Q-table
 * per agent over its own view keys, the receiver's max as the one scalar, the terminal reward on STOP. With
 * {@code joint} set it is the centralised learner on the joint key instead. Not the product's learner.
 */
final class TabularIcqForTest {
    private final HandoffEnvironment env;
    private final JointStateAccess joint;
    private final double[][][] q;
    private final int[][][] n;
    private final int maxActions;

    TabularIcqForTest(HandoffEnvironment env, boolean centralised) {
        this.env = env;
        this.joint = centralised ? env.jointStateAccess() : null;
        int agents = env.agentCount();
        int max = 0;
        for (int i = 0; i < agents; i++) {
            max = Math.max(max, env.actionCount(i));
        }
        maxActions = max;
        q = new double[agents][][];
        n = new int[agents][][];
        for (int i = 0; i < agents; i++) {
            int views = centralised ? joint.jointStateCount() : env.viewCount(i);
            q[i] = new double[views][env.actionCount(i)];
            n[i] = new int[views][env.actionCount(i)];
        }
    }

    void train(long handoffs, double epsilon, long seed) {
        Rng rng = new Rng(seed);
        env.reset(rng.split());
        StepOutcome out = new StepOutcome();
        for (long t = 0; t < handoffs; t++) {
            int i = env.nextDecision();
            int z = joint != null ? joint.jointStateKey() : env.viewKey();
            int a = rng.nextDouble() < epsilon ? rng.nextInt(env.actionCount(i)) : greedy(i, z);
            env.step(a, out);
            double m;
            if (out.stopped()) {
                m = out.terminalReward;
            } else {
                int j = out.receiver;
                int zj = joint != null ? joint.receiverJointStateKey() : env.receiverViewKey();
                m = q[j][zj][greedy(j, zj)];
            }
            int visits = ++n[i][z][a];
            double alpha = Math.max(0.01, 1.0 / visits);
            q[i][z][a] += alpha * (out.reward + m - q[i][z][a]);
        }
    }

    private int greedy(int agent, int z) {
        double[] row = q[agent][z];
        int best = 0;
        for (int a = 1; a < row.length; a++) {
            if (row[a] > row[best]) {
                best = a;
            }
        }
        return best;
    }

    /** The greedy policy; for the centralised learner it reads the joint key (the env is the same object). */
    IntBinaryOperator greedyPolicy() {
        return (agent, z) -> greedy(agent, joint != null ? joint.jointStateKey() : z);
    }

    int maxActions() {
        return maxActions;
    }
}
