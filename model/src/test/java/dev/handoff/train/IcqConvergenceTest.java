package dev.handoff.train;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learners against the exact solver on the 10-agent synthetic IC-SMDP (ICQ.md §5): tabular IC-Q converges to the
 * interface fixed point Q̂, the oracle to Q*, and at λ = 0 IC-Q's greedy policy is as good as the oracle's.
 */
class IcqConvergenceTest {
    private static final SyntheticKind KIND = new SyntheticKind();
    private static final long BUDGET = 3_000_000;

    /** ICQ.md §5: the "converges to Q̂" test uses the uniform behaviour policy (ε = 1) and the μ of that policy. */
    private static Workflow uniformBehaviour(double lambda) {
        Workflow w = SyntheticTemplates.ring("ring10", 10, lambda, 0.05);
        return w.withTraining(w.training().withEpsilon(EpsilonSpec.constant(1.0)));
    }

    private static SeedTrainer train(Workflow w, Algorithm algo, long seed, long budget) {
        SeedTrainer t = new SeedTrainer(w, KIND, algo, seed, budget);
        t.runUntil(budget, null);
        return t;
    }

    @Test
    void icqConvergesToTheInterfaceFixedPoint() {
        Workflow w = uniformBehaviour(1.0);
        FiniteSmdp m = KIND.exactModel(w);
        ExactAnalysis exact = ExactAnalysis.of(m, ExactAnalysis.uniformBehaviour(m));
        assertThat(exact.report().interfaceGapQ()).as("λ = 1 opens a gap, so Q̂ ≠ Q*").isGreaterThan(0.1);
        SeedTrainer icq = train(w, Algorithm.ICQ_TABULAR, 1, BUDGET);
        assertThat(exact.relativeErrorToInterface(LearnedTables.viewTable(m, icq))).isLessThan(0.02);
    }

    @Test
    void oracleConvergesToTheCentralisedOptimum() {
        Workflow w = uniformBehaviour(1.0);
        FiniteSmdp m = KIND.exactModel(w);
        ExactAnalysis exact = ExactAnalysis.of(m, ExactAnalysis.uniformBehaviour(m));
        SeedTrainer oracle = train(w, Algorithm.ORACLE, 1, BUDGET);
        assertThat(exact.relativeErrorToOracle(LearnedTables.stateTable(m, oracle))).isLessThan(0.02);
    }

    @Test
    void errorShrinksWithMoreHandoffs() {
        Workflow w = uniformBehaviour(1.0);
        FiniteSmdp m = KIND.exactModel(w);
        ExactAnalysis exact = ExactAnalysis.of(m, ExactAnalysis.uniformBehaviour(m));
        SeedTrainer icq = new SeedTrainer(w, KIND, Algorithm.ICQ_TABULAR, 2, BUDGET);
        icq.runUntil(200_000, null);
        double early = exact.relativeErrorToInterface(LearnedTables.viewTable(m, icq));
        icq.runUntil(BUDGET, null);
        double late = exact.relativeErrorToInterface(LearnedTables.viewTable(m, icq));
        assertThat(late).isLessThan(early / 2);
    }

    @Test
    void atLambdaZeroGreedyIcqMatchesTheOracleReturn() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
        FiniteSmdp m = KIND.exactModel(w);
        double jStar = GreedyReturn.oracleReturn(m);
        for (long seed = 1; seed <= 3; seed++) {
            SeedTrainer icq = train(w, Algorithm.ICQ_TABULAR, seed, BUDGET);
            assertThat(icq.greedyReturn(m)).as("seed %d", seed).isGreaterThan(jStar - 0.01 * Math.abs(jStar));
        }
    }

    @Test
    void independentLearnersWithoutTheScalarAreMeasurablyWorse() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
        FiniteSmdp m = KIND.exactModel(w);
        double jStar = GreedyReturn.oracleReturn(m);
        double icq = 0;
        double independent = 0;
        for (long seed = 1; seed <= 3; seed++) {
            icq += train(w, Algorithm.ICQ_TABULAR, seed, BUDGET).greedyReturn(m) / 3;
            independent += train(w, Algorithm.INDEPENDENT, seed, BUDGET).greedyReturn(m) / 3;
        }
        assertThat(independent).isLessThan(icq - 0.1 * Math.abs(jStar));
    }
}
