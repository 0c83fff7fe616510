package dev.handoff.components;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of the three error components on the 10-agent synthetic IC-SMDP (ICQ.md §4–5): each term moves along its
 * own axis and stays flat along the others, and the total never exceeds the sum of the parts. Signs and rough slopes
 * with tolerances, not exact numbers.
 */
class ErrorComponentShapesTest {
    private static ComponentAnalysis analysis(double lambda, double eta) {
        return ComponentAnalysis.of(SyntheticTemplates.ring("ring10", 10, lambda, eta));
    }

    private static double neural(ComponentAnalysis a, int width) {
        NeuralFixedPoint fp = a.neuralFixedPoint(width, 1);
        assertThat(fp.converged()).as("projected Bellman sweeps converge at width %d", width).isTrue();
        double td = MuNorm.betweenViews(a.exact(), fp.tdFixedPoint(), a.exact().interfaceFixedPoint().q());
        double fit = MuNorm.betweenViews(a.exact(), fp.supervisedFit(), a.exact().interfaceFixedPoint().q());
        assertThat(fit).as("the best fit in the class is no worse than the TD fixed point (width %d)", width)
                .isLessThanOrEqualTo(td + 1e-9);
        return td;
    }

    @Test
    void neuralTermFallsWithWidthThenPlateaus() {
        ComponentAnalysis a = analysis(1.0, 0.05);
        double w4 = neural(a, 4);
        double w16 = neural(a, 16);
        double w64 = neural(a, 64);
        double w256 = neural(a, 256);
        double w1024 = neural(a, 1024);
        assertThat(w16).isLessThan(w4);
        assertThat(w64).isLessThan(w16);
        assertThat(w256).isLessThan(w64);
        assertThat(w256).as("a wide network is much better than a narrow one").isLessThan(0.5 * w4);
        assertThat(Math.abs(w1024 - w256)).as("plateau: four times wider changes little").isLessThan(0.1 * w4);
        assertThat(w1024).as("the plateau is the ball's projection error, above 0").isGreaterThan(0);
    }

    @Test
    void neuralTermIsFlatInLambdaAndEta() {
        double atZero = neural(analysis(0.0, 0.05), 64);
        double atOne = neural(analysis(1.0, 0.05), 64);
        assertThat(atOne / atZero).isBetween(0.5, 2.0);
        Workflow w = SyntheticTemplates.ring("ring10", 10, 1.0, 0.05);
        double fast = ComponentAxis.MIXING.measure(w, 0.1, 64, 1_000, 1).neuralApprox();
        double slow = ComponentAxis.MIXING.measure(w, 0.001, 64, 1_000, 1).neuralApprox();
        assertThat(slow / fast).isBetween(0.8, 1.25);
    }

    @Test
    void sweepAxesMoveOnlyTheirKnob() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 1.0, 0.05);
        assertThat(ComponentAxis.GAP.apply(w, 0.25).environment().parameters().get("lambda")).isEqualTo(0.25);
        assertThat(ComponentAxis.GAP.apply(w, 0.25).environment().parameters().get("eta")).isEqualTo(0.05);
        assertThat(ComponentAxis.MIXING.apply(w, 0.001).environment().parameters().get("eta")).isEqualTo(0.001);
        assertThat(ComponentAxis.WIDTH.apply(w, 64)).isEqualTo(w);
        assertThat(ComponentAxis.parse("samples")).isEqualTo(ComponentAxis.SAMPLES);
        ErrorComponents tabular = ComponentAxis.SAMPLES.measure(w, 10_000, ComponentAnalysis.TABULAR, 1, 1);
        assertThat(tabular.neuralApprox()).isZero();
        ErrorComponents wide = ComponentAxis.WIDTH.measure(w, 32, ComponentAnalysis.TABULAR, 10_000, 1);
        assertThat(wide.neuralApprox()).isGreaterThan(0);
    }

    @Test
    void interfaceGapIsZeroAtLambdaZeroGrowsWithLambdaAndIsFlatInWidth() {
        assertThat(analysis(0.0, 0.05).measure(16, 20_000, 1).interfaceGap()).isLessThan(1e-6);
        double previous = 0;
        for (double lambda : new double[] {0.25, 0.5, 1.0}) {
            ComponentAnalysis a = analysis(lambda, 0.05);
            ErrorComponents narrow = a.measure(16, 20_000, 1);
            ErrorComponents wide = a.measure(256, 20_000, 1);
            assertThat(narrow.interfaceGap()).as("gap at λ=%s", lambda).isGreaterThan(previous);
            assertThat(wide.interfaceGap()).as("flat in width at λ=%s", lambda).isEqualTo(narrow.interfaceGap());
            assertThat(narrow.policyLoss()).as("policy loss at λ=%s", lambda).isGreaterThan(0);
            previous = narrow.interfaceGap();
        }
    }

    @Test
    void mixingResidualFallsLikeOneOverRootT() {
        ComponentAnalysis a = analysis(1.0, 0.05);
        long[] ts = {100_000, 300_000, 1_000_000};
        double[] markov = new double[ts.length];
        double[] iid = new double[ts.length];
        int seeds = 2;
        for (int k = 0; k < ts.length; k++) {
            for (long seed = 1; seed <= seeds; seed++) {
                ErrorComponents e = a.measure(ComponentAnalysis.TABULAR, ts[k], seed);
                assertThat(e.closureHolds()).isTrue();
                markov[k] += e.mixingResidual() / seeds;
                iid[k] += e.mixingResidualIid() / seeds;
            }
        }
        assertThat(logLogSlope(ts, markov)).as("Markov slope").isBetween(-0.8, -0.3);
        assertThat(logLogSlope(ts, iid)).as("i.i.d. slope").isBetween(-0.8, -0.3);
    }

    @Test
    void mixingResidualIsLargerForSlowerMixingThanForIidSampling() {
        long t = 200_000;
        int seeds = 4;
        double slow = 0;
        double slowIid = 0;
        double fast = 0;
        ComponentAnalysis slowChain = analysis(1.0, 0.001);
        ComponentAnalysis fastChain = analysis(1.0, 0.1);
        assertThat(slowChain.exact().report().tMix()).isGreaterThan(10 * fastChain.exact().report().tMix());
        for (long seed = 1; seed <= seeds; seed++) {
            ErrorComponents s = slowChain.measure(ComponentAnalysis.TABULAR, t, seed);
            slow += s.mixingResidual() / seeds;
            slowIid += s.mixingResidualIid() / seeds;
            fast += fastChain.measure(ComponentAnalysis.TABULAR, t, seed).mixingResidual() / seeds;
        }
        assertThat(slow).as("slow chain vs its i.i.d. twin").isGreaterThan(1.2 * slowIid);
        assertThat(slow).as("slow chain vs fast chain").isGreaterThan(1.2 * fast);
    }

    @Test
    void totalNeverExceedsTheSumOfTheParts() {
        for (double lambda : new double[] {0.0, 1.0}) {
            ComponentAnalysis a = analysis(lambda, 0.05);
            for (int width : new int[] {ComponentAnalysis.TABULAR, 8, 64}) {
                ErrorComponents e = a.measure(width, 30_000, 3);
                assertThat(e.closureHolds()).as("λ=%s width %d: %s", lambda, width, e).isTrue();
                assertThat(e.total()).isLessThanOrEqualTo(e.sumOfParts() + 1e-9);
                assertThat(e.total()).isGreaterThan(0);
            }
        }
    }

    /** Least-squares slope of log(y) against log(x). */
    static double logLogSlope(long[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += Math.log(x[i]) / x.length;
            my += Math.log(y[i]) / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
