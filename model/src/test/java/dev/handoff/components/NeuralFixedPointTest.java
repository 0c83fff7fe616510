package dev.handoff.components;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.learn.neural.TwoLayerReluNetwork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Q_θ∞ is the limit of expected projected semi-gradient TD, and it lives in the ball of radius R. */
class NeuralFixedPointTest {
    private static final ComponentAnalysis ANALYSIS = ComponentAnalysis.of(SyntheticTemplates.ring("ring10", 10, 1.0, 0.05));

    @Test
    void expectedSemiGradientTdConvergesToTheProjectedBellmanFixedPoint() {
        for (int width : new int[] {8, 64}) {
            NeuralFixedPoint fp = ANALYSIS.neuralFixedPoint(width, 1);
            TwoLayerReluNetwork[] nets = ReferenceNetworks.build(ANALYSIS.model(), ANALYSIS.encodings(), width,
                    ComponentSettings.DEFAULTS.radius(), 1);
            double[][] td = NeuralFixedPoint.bySemiGradientTd(ANALYSIS.exact(), ANALYSIS.encodings(), nets, 0.5, 30_000);
            double scale = MuNorm.betweenViews(ANALYSIS.exact(), fp.tdFixedPoint(), ANALYSIS.exact().interfaceFixedPoint().q());
            assertThat(MuNorm.betweenViews(ANALYSIS.exact(), td, fp.tdFixedPoint())).as("width %d", width)
                    .isLessThan(1e-4 * scale);
        }
    }

    @Test
    void theBallBindsAtLargeWidthAndTheFitStaysInsideIt() {
        NeuralFixedPoint wide = ANALYSIS.neuralFixedPoint(256, 1);
        assertThat(wide.converged()).isTrue();
        assertThat(wide.maxDistance()).isCloseTo(ComponentSettings.DEFAULTS.radius(),
                org.assertj.core.data.Offset.offset(1e-6));
        NeuralFixedPoint unconstrained = ComponentAnalysis.of(SyntheticTemplates.ring("ring10", 10, 1.0, 0.05),
                new ComponentSettings(1e6, 2)).neuralFixedPoint(256, 1);
        assertThat(unconstrained.maxDistance()).isLessThan(1e6);
        assertThat(MuNorm.betweenViews(ANALYSIS.exact(), unconstrained.tdFixedPoint(),
                ANALYSIS.exact().interfaceFixedPoint().q())).as("a wide unconstrained class represents Q̂").isLessThan(1e-3);
    }
}
