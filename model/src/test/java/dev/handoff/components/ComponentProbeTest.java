package dev.handoff.components;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.train.Algorithm;
import dev.handoff.train.LearnedTables;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The live probe reads the components of a running tabular IC-Q trainer: the residual shrinks as it trains. */
class ComponentProbeTest {
    @Test
    void probeReadingsOfATrainingRunShrinkAndClose() {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 1.0, 0.05);
        w = w.withTraining(w.training().withEpsilon(EpsilonSpec.constant(1.0)));
        ComponentAnalysis a = ComponentAnalysis.of(w);
        ComponentProbe probe = a.probe(ComponentAnalysis.TABULAR, 1);
        FiniteSmdp m = new SyntheticKind().exactModel(w);
        SeedTrainer t = new SeedTrainer(w, new SyntheticKind(), Algorithm.ICQ_TABULAR, 1, 1_000_000);
        t.runUntil(50_000, null);
        ComponentReading early = probe.reading(1, t.handoffs(), LearnedTables.viewTable(m, t));
        t.runUntil(1_000_000, null);
        ComponentReading late = probe.reading(1, t.handoffs(), LearnedTables.viewTable(m, t));
        assertThat(late.handoffs()).isEqualTo(1_000_000);
        assertThat(late.components().mixingResidual()).isLessThan(early.components().mixingResidual() / 2);
        assertThat(early.components().closureHolds()).isTrue();
        assertThat(late.components().closureHolds()).isTrue();
        assertThat(late.components().interfaceGap()).isEqualTo(a.exact().report().interfaceGapQ());
        assertThat(late.components().mixingResidualIid()).isNaN();
    }

    @Test
    void neuralProbeMeasuresAgainstTheNeuralFixedPoint() {
        ComponentAnalysis a = ComponentAnalysis.of(SyntheticTemplates.ring("ring10", 10, 1.0, 0.05));
        ComponentProbe probe = a.probe(64, 1);
        ErrorComponents atFixedPoint = probe.read(probe.reference());
        assertThat(atFixedPoint.mixingResidual()).isZero();
        assertThat(atFixedPoint.neuralApprox()).isGreaterThan(0);
        assertThat(atFixedPoint.closureHolds()).isTrue();
    }
}
