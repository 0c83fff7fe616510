package dev.handoff.exact;

import dev.handoff.util.Rng;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AisBoundProperties {

    @Property(tries = 150)
    void interfaceGapNeverExceedsTheAisBound(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        FiniteSmdp smdp = TestModels.random(seed, 10, false);

        ExactReport report = ExactAnalysis.of(smdp, randomBehaviour(smdp, new Rng(~seed))).report();

        assertThat(report.interfaceGapQSup()).isLessThanOrEqualTo(report.aisBound() + 1e-9);
        assertThat(report.interfaceGapQ()).isLessThanOrEqualTo(report.interfaceGapQSup() + 1e-12);
        assertThat(report.policyLoss()).isGreaterThanOrEqualTo(-1e-9);
        assertThat(report.viResOracle()).isLessThan(1e-10);
        assertThat(report.viResInterface()).isLessThan(1e-10);
        assertThat(report.stationarityResidual()).isLessThan(1e-12);
    }

    @Property(tries = 150)
    void greedyPolicyOfTheOracleIsWorthVStar(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        FiniteSmdp smdp = TestModels.random(seed, 10, false);
        QSolution oracle = OracleSolver.solve(smdp);

        PolicyValue greedy = PolicyEvaluation.ofStatePolicy(smdp, PolicyEvaluation.greedy(oracle.q()));

        assertThat(greedy.v()).containsExactly(oracle.v(), within(1e-8));
        assertThat(greedy.jValue()).isCloseTo(OracleSolver.returnOf(smdp, oracle.v()), within(1e-8));
    }

    @Property(tries = 150)
    void policyEvaluationAgreesWithALinearSolve(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        FiniteSmdp smdp = TestModels.random(seed, 10, false);
        Rng rng = new Rng(seed * 31);
        int[] actionOfView = new int[smdp.viewCount()];
        for (int z = 0; z < actionOfView.length; z++) {
            actionOfView[z] = rng.nextInt(smdp.actionCountOfAgent()[smdp.agentOfView(z)]);
        }
        int[] actionOfState = new int[smdp.stateCount()];
        for (int s = 0; s < actionOfState.length; s++) {
            actionOfState[s] = actionOfView[smdp.viewOf()[s]];
        }

        PolicyValue swept = PolicyEvaluation.ofViewPolicy(smdp, actionOfView);
        double[] solved = PolicyEvaluation.solveLinear(smdp, actionOfState);

        assertThat(swept.v()).containsExactly(solved, within(1e-9));
        assertThat(swept.residual()).isLessThan(1e-10);
    }

    /** A random behaviour policy with full support on every view's actions. */
    private static double[][] randomBehaviour(FiniteSmdp smdp, Rng rng) {
        double[][] b = ExactAnalysis.uniformBehaviour(smdp);
        for (double[] row : b) {
            double total = 0;
            for (int a = 0; a < row.length; a++) {
                row[a] = 0.05 + rng.nextDouble();
                total += row[a];
            }
            for (int a = 0; a < row.length; a++) {
                row[a] /= total;
            }
        }
        return b;
    }
}
