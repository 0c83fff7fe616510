package dev.handoff.exact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The exact solver on the ICQ.md §5 instance: the claims written there, measured. */
class SyntheticIcSmdpExactTest {

    private static ExactReport analyse(double lambda, double eta) {
        FiniteSmdp smdp = SyntheticIcSmdpFixture.build(lambda, eta);
        return ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp)).report();
    }

    @Test
    void interfaceGapIsZeroWithoutTheGapKnobAndGrowsWithIt() {
        ExactReport exact = analyse(0, 0.1);
        assertThat(exact.stateCount()).isEqualTo(360);
        assertThat(exact.viewCount()).isEqualTo(120);
        assertThat(exact.interfaceGapQSup()).isLessThan(1e-9);
        assertThat(exact.policyLoss()).isCloseTo(0, within(1e-9));
        assertThat(exact.epsR()).isLessThan(1e-12);
        assertThat(exact.deltaK()).isLessThan(1e-12);

        double previousGap = 0;
        double previousLoss = 0;
        for (double lambda : new double[]{0.5, 1.0}) {
            ExactReport report = analyse(lambda, 0.1);
            System.out.printf("λ=%.2f: %s%n", lambda, report);
            assertThat(report.interfaceGapQ()).as("gap at λ=%s", lambda).isGreaterThan(previousGap);
            assertThat(report.policyLoss()).as("loss at λ=%s", lambda).isGreaterThanOrEqualTo(previousLoss);
            assertThat(report.interfaceGapQSup()).isLessThanOrEqualTo(report.aisBound());
            previousGap = report.interfaceGapQ();
            previousLoss = report.policyLoss();
        }
        assertThat(previousLoss).isGreaterThan(0);
    }

    @Test
    void mixingTimeFollowsOneOverEta() {
        for (double eta : new double[]{1e-2, 1e-4}) {
            ExactReport report = analyse(1.0, eta);
            System.out.printf("η=%g: tMix=%d relaxation=%.1f%n", eta, report.tMix(), report.relaxationTime());
            long regimeOnly = (long) Math.ceil(Math.log(0.25 / (2.0 / 3)) / Math.log(1 - eta));
            assertThat(report.tMix()).as("t_mix at η=%s", eta).isBetween(regimeOnly, regimeOnly + 100);
            assertThat(report.relaxationTime()).isCloseTo(1 / eta, within(0.01 / eta));
        }
    }
}
