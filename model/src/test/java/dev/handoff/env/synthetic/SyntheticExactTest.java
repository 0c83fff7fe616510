package dev.handoff.env.synthetic;

import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.ExactReport;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact quantities of the synthetic IC-SMDP behave as ICQ.md §5 says, knob by knob. */
class SyntheticExactTest {
    private static final SyntheticKind KIND = new SyntheticKind();

    private static ExactAnalysis analyse(Workflow w) {
        FiniteSmdp m = KIND.exactModel(w);
        return ExactAnalysis.of(m, ExactAnalysis.uniformBehaviour(m));
    }

    private static ExactReport report(double lambda, double eta) {
        return analyse(SyntheticTemplates.ring("ring10", 10, lambda, eta)).report();
    }

    @Test
    void valueIterationConvergesAndTheOccupancyIsStationary() {
        ExactAnalysis a = analyse(SyntheticTemplates.ring("ring10", 10, 1.0, 0.05));
        assertThat(a.report().viResOracle()).isLessThan(1e-9);
        assertThat(a.report().viResInterface()).isLessThan(1e-9);
        double sum = 0;
        for (double mu : a.occupancy().state()) {
            assertThat(mu).isGreaterThanOrEqualTo(0);
            sum += mu;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.report().stationarityResidual()).isLessThan(1e-12);
        assertThat(a.report().stateCount()).isEqualTo(10 * 6 * 3 * 2);
        assertThat(a.report().viewCount()).isEqualTo(10 * 6 * 2);
    }

    @Test
    void gapIsZeroWhenTheInterfaceIsExact() {
        ExactReport r = report(0.0, 0.05);
        assertThat(r.interfaceGapQSup()).isLessThan(1e-6);
        assertThat(Math.abs(r.policyLoss())).isLessThan(1e-9);
    }

    @Test
    void seeingTheHiddenDifficultyClosesTheGap() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 1.0, 0.05);
        Workflow seeing = w.withAgents(w.agents().stream().map(a -> a.withObservation(new InterfaceSpec(
                List.of(ObservationTerm.select(SyntheticKind.PROGRESS), ObservationTerm.select(SyntheticKind.DIFFICULTY)),
                true))).toList());
        assertThat(analyse(w).report().interfaceGapQSup()).isGreaterThan(0.1);
        assertThat(analyse(seeing).report().interfaceGapQSup()).isLessThan(1e-6);
    }

    @Test
    void gapGrowsWithLambdaAndStaysUnderTheAisBound() {
        double previousGap = 0;
        double previousLoss = -1;
        for (double lambda : new double[] {0.25, 0.5, 1.0}) {
            ExactReport r = report(lambda, 0.05);
            assertThat(r.interfaceGapQ()).as("gap at λ=%s", lambda).isGreaterThan(previousGap);
            assertThat(r.policyLoss()).as("policy loss at λ=%s", lambda).isGreaterThan(previousLoss);
            assertThat(r.interfaceGapQ()).isLessThanOrEqualTo(r.interfaceGapQSup());
            assertThat(r.interfaceGapQSup()).as("measured gap ≤ AIS bound at λ=%s", lambda).isLessThanOrEqualTo(r.aisBound());
            previousGap = r.interfaceGapQ();
            previousLoss = r.policyLoss();
        }
        assertThat(previousGap).isGreaterThan(0);
    }

    @Test
    void theMixingKnobMovesTheMixingTimeAsOneOverEta() {
        ExactReport fast = report(1.0, 0.1);
        ExactReport slow = report(1.0, 0.01);
        assertThat(slow.tMix()).isGreaterThan(5 * fast.tMix());
        assertThat(slow.relaxationTime()).isCloseTo(1 / 0.01, org.assertj.core.data.Percentage.withPercentage(20));
    }
}
