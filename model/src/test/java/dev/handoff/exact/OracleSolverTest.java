package dev.handoff.exact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OracleSolverTest {

    /**
     * State 0: action 0 loops back with E[γ^τ] = 0.9 and reward 1 (V = 1/(1 − 0.9) = 10 if taken forever), action 1
     * moves to state 1 for reward 0. State 1 ends the episode with reward 5 (action 0) or 4 (action 1).
     */
    private static FiniteSmdp loopOrLeave() {
        double[][][] kernel = {{{0.9, 0}, {0, 0.9}}, {{0, 0}, {0, 0}}};
        double[][][] next = {{{1, 0}, {0, 1}}, {{1, 0}, {1, 0}}};
        return TestModels.fromDense(new int[]{0, 0}, new int[]{0, 1}, new int[]{2}, new int[]{2},
                new double[][]{{1, 0}, {5, 4}}, kernel, next, new double[][]{{0.9, 0.9}, {0.9, 0.9}},
                new double[]{1, 0});
    }

    @Test
    void oracleMatchesTheClosedFormOfAGeometricLoop() {
        QSolution solution = OracleSolver.solve(loopOrLeave());

        assertThat(solution.q()[0][0]).isCloseTo(10.0, within(1e-9));
        assertThat(solution.q()[0][1]).isCloseTo(4.5, within(1e-9));
        assertThat(solution.q()[1][0]).isCloseTo(5.0, within(1e-9));
        assertThat(solution.q()[1][1]).isCloseTo(4.0, within(1e-9));
        assertThat(solution.v()).containsExactly(new double[]{10.0, 5.0}, within(1e-9));
        assertThat(solution.residual()).isLessThan(1e-10);
    }

    @Test
    void oracleMatchesTheClosedFormOfAGeometricWaitForSuccess() {
        double gamma = 0.95;
        double p = 0.3;
        double[][][] kernel = {{{gamma * (1 - p), gamma * p, 0}}, {{0, 0, 0.5 * gamma}}, {{0, 0, 0}}};
        double[][][] next = {{{1 - p, p, 0}}, {{0.5, 0, 0.5}}, {{1, 0, 0}}};
        FiniteSmdp smdp = TestModels.fromDense(new int[]{0, 0, 0}, new int[]{0, 1, 2}, new int[]{3}, new int[]{1},
                new double[][]{{-1}, {10}, {2}}, kernel, next, new double[][]{{gamma}, {gamma}, {gamma}},
                new double[]{1, 0, 0});

        QSolution solution = OracleSolver.solve(smdp);

        double v2 = 2;
        double v1 = 10 + 0.5 * gamma * v2;
        double v0 = (-1 + gamma * p * v1) / (1 - gamma * (1 - p));
        assertThat(solution.v()).containsExactly(new double[]{v0, v1, v2}, within(1e-9));
        assertThat(solution.residual()).isLessThan(1e-10);
        assertThat(OracleSolver.returnOf(smdp, solution.v())).isCloseTo(v0, within(1e-9));
    }

    @Test
    void greedyBreaksTiesByTheLowestActionIndex() {
        double[][] q = {{1, 3, 3}, {2, 2 + 1e-15, 1}, {-1, -2, -0.5}};

        assertThat(PolicyEvaluation.greedy(q)).containsExactly(1, 0, 2);
    }

    @Test
    void evaluatingAViewPolicyUsesTheActionOfEachStatesView() {
        FiniteSmdp smdp = loopOrLeave();

        PolicyValue leave = PolicyEvaluation.ofViewPolicy(smdp, new int[]{1, 1});
        PolicyValue loop = PolicyEvaluation.ofStatePolicy(smdp, new int[]{0, 0});

        assertThat(leave.v()).containsExactly(new double[]{0.9 * 4, 4}, within(1e-12));
        assertThat(loop.v()).containsExactly(new double[]{10, 5}, within(1e-10));
        assertThat(loop.jValue()).isCloseTo(10, within(1e-10));
    }

    @Test
    void malformedModelsAreRejectedWithThePlaceNamed() {
        double[][][] kernel = {{{0.95, 0}, {0, 0.9}}, {{0, 0}, {0, 0}}};
        double[][][] next = {{{1, 0}, {0, 1}}, {{1, 0}, {1, 0}}};
        FiniteSmdp bad = TestModels.fromDense(new int[]{0, 0}, new int[]{0, 1}, new int[]{2}, new int[]{2},
                new double[][]{{1, 0}, {5, 4}}, kernel, next, new double[][]{{0.9, 0.9}, {0.9, 0.9}},
                new double[]{1, 0});

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelChecks.requireWellFormed(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernel[0][0]");
    }
}
