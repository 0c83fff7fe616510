package dev.handoff.exact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InterfaceFixedPointTest {

    @Test
    void gapIsZeroWhenEveryStateIsItsOwnView() {
        for (long seed = 1; seed <= 25; seed++) {
            FiniteSmdp smdp = TestModels.random(seed, 10, true);

            ExactAnalysis analysis = ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp));

            double[][] qStar = analysis.oracle().q();
            double[][] qHat = analysis.interfaceFixedPoint().q();
            for (int s = 0; s < smdp.stateCount(); s++) {
                assertThat(qHat[smdp.viewOf()[s]]).as("seed %d state %d", seed, s)
                        .containsExactly(qStar[s], within(1e-9));
            }
            ExactReport report = analysis.report();
            assertThat(report.interfaceGapQ()).isLessThan(1e-9);
            assertThat(report.interfaceGapQSup()).isLessThan(1e-9);
            assertThat(report.epsR()).isLessThan(1e-12);
            assertThat(report.deltaK()).isLessThan(1e-12);
            assertThat(report.policyLoss()).isCloseTo(0, within(1e-9));
        }
    }

    /**
     * States A and B share view 0 and differ only in the reward of action 0 (1 + d against 1 − d); action 1 pays 0.5
     * in both. Both hand over to C (its own view, reward 0), which returns to A or B with probability 1/2 each.
     */
    private static FiniteSmdp sharedView(double d) {
        double g = 0.9;
        double[][][] kernel = {
                {{0, 0, g}, {0, 0, g}},
                {{0, 0, g}, {0, 0, g}},
                {{g / 2, g / 2, 0}, {g / 2, g / 2, 0}}};
        double[][][] next = {
                {{0, 0, 1}, {0, 0, 1}},
                {{0, 0, 1}, {0, 0, 1}},
                {{0.5, 0.5, 0}, {0.5, 0.5, 0}}};
        double[][] reward = {{1 + d, 0.5}, {1 - d, 0.5}, {0, 0}};
        double[][] discount = {{g, g}, {g, g}, {g, g}};
        return TestModels.fromDense(new int[]{0, 0, 0}, new int[]{0, 0, 1}, new int[]{2}, new int[]{2}, reward,
                kernel, next, discount, new double[]{0, 0, 1});
    }

    @Test
    void gapGrowsWithTheRewardDifferenceHiddenByASharedView() {
        double previousGap = -1;
        double previousLoss = -1;
        for (double d : new double[]{0.0, 0.2, 0.4, 0.8, 1.6}) {
            FiniteSmdp smdp = sharedView(d);

            ExactReport report = ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp)).report();

            assertThat(report.epsR()).as("ε_R at d=%s", d).isCloseTo(d, within(1e-12));
            assertThat(report.deltaK()).isCloseTo(0, within(1e-12));
            if (d == 0) {
                assertThat(report.interfaceGapQ()).isLessThan(1e-9);
            } else {
                assertThat(report.interfaceGapQ()).as("gap at d=%s", d).isGreaterThan(previousGap + 1e-6);
                assertThat(report.interfaceGapQSup()).isGreaterThan(0);
            }
            assertThat(report.interfaceGapQSup()).isLessThanOrEqualTo(report.aisBound() + 1e-9);
            assertThat(report.policyLoss()).isGreaterThanOrEqualTo(previousLoss - 1e-12);
            previousGap = report.interfaceGapQ();
            previousLoss = report.policyLoss();
        }
        // At d = 1.6 the oracle takes action 1 in B (0.5 > 1 − 1.6); the shared view cannot, so it loses return.
        assertThat(previousLoss).isGreaterThan(0.1);
    }

    @Test
    void relativeErrorIsZeroAtTheFixedPointAndScalesWithAShift() {
        FiniteSmdp smdp = TestModels.hiddenRegime(5, 2, 3, 2, 2, 0.1, 1.0);
        ExactAnalysis analysis = ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp));
        double[][] qHat = analysis.interfaceFixedPoint().q();
        double span = spanOverViewsWithStates(smdp, qHat);

        double[][] shifted = new double[qHat.length][];
        for (int z = 0; z < qHat.length; z++) {
            shifted[z] = qHat[z].clone();
            for (int a = 0; a < shifted[z].length; a++) {
                shifted[z][a] += 0.3;
            }
        }

        assertThat(analysis.relativeErrorToInterface(qHat)).isEqualTo(0.0);
        assertThat(analysis.relativeErrorToInterface(shifted)).isCloseTo(0.3 / span, within(1e-12));
        assertThat(analysis.relativeErrorToOracle(analysis.oracle().q())).isEqualTo(0.0);
    }

    @Test
    void relativeErrorOfQhatAgainstTheOracleIsTheGapOverTheSpan() {
        FiniteSmdp smdp = sharedView(0.8);
        ExactAnalysis analysis = ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp));
        double[][] lifted = new double[smdp.stateCount()][];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < smdp.stateCount(); s++) {
            lifted[s] = analysis.interfaceFixedPoint().q()[smdp.viewOf()[s]].clone();
            for (double q : analysis.oracle().q()[s]) {
                max = Math.max(max, q);
                min = Math.min(min, q);
            }
        }

        assertThat(analysis.relativeErrorToOracle(lifted))
                .isCloseTo(analysis.report().interfaceGapQ() / (max - min), within(1e-12));
    }

    @Test
    void viewsWithoutOccupancyAreAggregatedUniformlyOverTheirStates() {
        // Behaviour never takes action 1 in view 0, so states 1 and 2 (view 1, reached only by action 1) have μ = 0.
        double[][][] kernel = {{{0.9, 0, 0}, {0, 0.45, 0.45}}, {{0.9, 0, 0}, {0.9, 0, 0}}, {{0.9, 0, 0}, {0.9, 0, 0}}};
        double[][][] next = {{{1, 0, 0}, {0, 0.5, 0.5}}, {{1, 0, 0}, {1, 0, 0}}, {{1, 0, 0}, {1, 0, 0}}};
        double[][] discount = {{0.9, 0.9}, {0.9, 0.9}, {0.9, 0.9}};
        FiniteSmdp smdp = TestModels.fromDense(new int[]{0, 0, 0}, new int[]{0, 1, 1}, new int[]{2}, new int[]{2},
                new double[][]{{1, 0}, {3, 2}, {5, 4}}, kernel, next, discount, new double[]{1, 0, 0});
        double[][] onlyActionZero = {{1, 0}, {1, 0}};

        ExactAnalysis analysis = ExactAnalysis.of(smdp, onlyActionZero);

        assertThat(analysis.occupancy().view()).containsExactly(1.0, 0.0);
        assertThat(analysis.report().unvisitedViews()).isEqualTo(1);
        assertThat(analysis.interfaceModel().reward()[1]).containsExactly(4.0, 3.0);
        double vHat0 = analysis.interfaceFixedPoint().v()[0];
        assertThat(analysis.interfaceFixedPoint().q()[1])
                .containsExactly(new double[]{4 + 0.9 * vHat0, 3 + 0.9 * vHat0}, within(1e-9));
        assertThat(analysis.report().interfaceGapQ()).isLessThan(1e-9);
        assertThat(analysis.report().interfaceGapQSup()).isGreaterThan(0.5);
    }

    private static double spanOverViewsWithStates(FiniteSmdp smdp, double[][] q) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < smdp.stateCount(); s++) {
            for (double value : q[smdp.viewOf()[s]]) {
                max = Math.max(max, value);
                min = Math.min(min, value);
            }
        }
        return max - min;
    }
}
