package dev.handoff.env.synthetic;

import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator and the finite model are two readings of one IC-SMDP: sampled transitions must match the model. */
class SimulatorMatchesModelTest {
    private static final Workflow GAP = SyntheticTemplates.ring("gap", 10, 1.0, 0.2);

    @Test
    void discountedKernelMassIsTheExpectedDiscountAndAtMostGamma() {
        FiniteSmdp m = new SyntheticKind().exactModel(GAP);
        for (int s = 0; s < m.stateCount(); s++) {
            for (int a = 0; a < m.actionCount(s); a++) {
                double mass = m.kernel()[s][a].mass();
                assertThat(m.discount()[s][a]).isLessThanOrEqualTo(0.95 + 1e-12);
                if (m.kernel()[s][a].index().length > 0) {
                    assertThat(mass).isCloseTo(m.discount()[s][a], org.assertj.core.data.Offset.offset(1e-12));
                }
                assertThat(m.next()[s][a].mass()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void sampledRewardsAndNextStatesMatchTheModel() {
        SyntheticKind kind = new SyntheticKind();
        FiniteSmdp m = kind.exactModel(GAP);
        SyntheticEnvironment env = (SyntheticEnvironment) kind.create(GAP);
        SyntheticParameters prm = SyntheticParameters.from(GAP.environment());
        Rng rng = new Rng(7);
        env.reset(rng);
        StepOutcome out = new StepOutcome();
        int[][] cases = {{0, 1, 2, 0, 4}, {3, 4, 0, 1, 5}, {5, 2, 1, 0, 2}, {9, 0, 0, 1, 3}};
        int samples = 200_000;
        for (int[] cs : cases) {
            int c = cs[0], g = cs[1], h = cs[2], p = cs[3], a = cs[4];
            int s = SyntheticModel.jointState(c, g, h, p, prm);
            double[] freq = new double[m.stateCount()];
            double rewardPlusTerminal = 0;
            for (int k = 0; k < samples; k++) {
                env.place(c, g, h, p);
                env.step(a, out);
                double gammaTau = Math.pow(0.95, out.tau);
                rewardPlusTerminal += out.reward + (out.stopped() ? gammaTau * out.terminalReward : 0);
                freq[env.jointStateKey()] += 1.0 / samples;
            }
            assertThat(rewardPlusTerminal / samples).as("E[R] at s=%d a=%d", s, a)
                    .isCloseTo(m.reward()[s][a], org.assertj.core.data.Offset.offset(0.02 * Math.max(1, Math.abs(m.reward()[s][a]))));
            FiniteSmdp.SparseRow row = m.next()[s][a];
            double tv = 0;
            double[] model = new double[m.stateCount()];
            for (int i = 0; i < row.index().length; i++) {
                model[row.index()[i]] = row.weight()[i];
            }
            for (int t = 0; t < freq.length; t++) {
                tv += Math.abs(freq[t] - model[t]) / 2;
            }
            assertThat(tv).as("TV(sampled next state, model) at s=%d a=%d", s, a).isLessThan(0.03);
        }
    }
}
