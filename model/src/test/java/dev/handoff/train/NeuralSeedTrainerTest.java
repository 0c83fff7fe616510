package dev.handoff.train;

import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentReading;
import dev.handoff.components.ViewEncodings;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.learn.neural.ScalarMode;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Neural IC-Q on DJL over the 10-agent synthetic sample: deterministic, learning, both scalar modes, probe-able. */
class NeuralSeedTrainerTest {
    private static final SyntheticKind KIND = new SyntheticKind();

    private static Workflow sample(long handoffs) {
        Workflow w = SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
        return w.withTraining(w.training().withEpsilon(new EpsilonSpec(1.0, 0.2, handoffs / 2)).withHandoffs(handoffs));
    }

    private static NeuralSeedTrainer trainer(Workflow w, NeuralSettings s, long seed) {
        return new NeuralSeedTrainer(w, KIND, s, Algorithm.ICQ_TABULAR, seed, w.training().handoffs());
    }

    @Tag(TorchDeterminism.TAG) // compares two neural runs bit for bit: see TorchDeterminism
    @Test
    void sameSeedGivesIdenticalOutputs() {
        Workflow w = sample(6_000);
        FiniteSmdp m = KIND.exactModel(w);
        ViewEncodings enc = ViewEncodings.of(w, m);
        double[][] first;
        List<TrainingWindow> firstWindows = new ArrayList<>();
        try (NeuralSeedTrainer a = trainer(w, NeuralSettings.DEFAULTS, 7)) {
            a.runUntil(6_000, firstWindows::add);
            assertThat(a.learner(0).trainingSteps()).isGreaterThan(100);
            first = a.viewTable(m, enc);
        }
        List<TrainingWindow> secondWindows = new ArrayList<>();
        try (NeuralSeedTrainer b = trainer(w, NeuralSettings.DEFAULTS, 7)) {
            b.runUntil(6_000, secondWindows::add);
            assertThat(b.viewTable(m, enc)).isDeepEqualTo(first);
        }
        assertThat(secondWindows).hasSameSizeAs(firstWindows);
        for (int k = 0; k < firstWindows.size(); k++) {
            assertThat(secondWindows.get(k).meanAbsTdByAgent()).containsExactly(firstWindows.get(k).meanAbsTdByAgent());
        }
        try (NeuralSeedTrainer c = trainer(w, NeuralSettings.DEFAULTS, 8)) {
            c.runUntil(6_000, null);
            assertThat(c.viewTable(m, enc)[0]).isNotEqualTo(first[0]);
        }
    }

    @Test
    void shortRunImprovesTheGreedyReturnWellBeyondTheUntrainedNetwork() {
        Workflow w = sample(25_000);
        FiniteSmdp m = KIND.exactModel(w);
        ViewEncodings enc = ViewEncodings.of(w, m);
        double jStar = GreedyReturn.oracleReturn(m);
        try (NeuralSeedTrainer t = trainer(w, NeuralSettings.DEFAULTS, 1)) {
            double untrained = t.greedyReturn(m);
            List<TrainingWindow> windows = new ArrayList<>();
            t.runUntil(25_000, windows::add);
            double trained = t.greedyReturn(m);
            assertThat(untrained).isLessThan(jStar);
            assertThat(trained).as("J: untrained %.3f, trained %.3f, oracle %.3f", untrained, trained, jStar)
                    .isGreaterThan(untrained + 0.5 * (jStar - untrained));
            assertThat(windows).isNotEmpty();
            assertThat(windows.get(windows.size() - 1).handoffs()).isEqualTo(25_000);
            double simulated = t.simulatedGreedyReturn(20_000, 99);
            assertThat(simulated).as("simulated greedy return agrees with the exact one").isCloseTo(trained,
                    org.assertj.core.data.Offset.offset(0.15));
        }
    }

    @Test
    void requeryModeAsksReceiversForFreshScalarsAndCountsEachOne() {
        Workflow w = sample(6_000);
        FiniteSmdp m = KIND.exactModel(w);
        ViewEncodings enc = ViewEncodings.of(w, m);
        long stops = 0;
        long requeries = 0;
        double[][] requeried;
        try (NeuralSeedTrainer t = trainer(w, NeuralSettings.DEFAULTS.withScalarMode(ScalarMode.REQUERY), 3)) {
            List<TrainingWindow> windows = new ArrayList<>();
            t.runUntil(6_000, windows::add);
            for (int i = 0; i < t.agentCount(); i++) {
                requeries += t.learner(i).requeries();
                assertThat(t.learner(i).requeryMisses()).isZero();
            }
            long byEdge = 0;
            for (long c : t.requeriesByEdge()) {
                byEdge += c;
            }
            for (TrainingWindow win : windows) {
                for (int e = 0; e < w.handoffs().size(); e++) {
                    if (w.handoffs().get(e).to().equals("STOP")) {
                        stops += win.scalarCountByEdge()[e];
                    }
                }
            }
            assertThat(requeries).isGreaterThan(1_000).isEqualTo(byEdge);
            assertThat(t.scalarsSent()).as("one scalar per handoff to an agent, one per re-query")
                    .isEqualTo(6_000 - stops + requeries);
            requeried = t.viewTable(m, enc);
        }
        try (NeuralSeedTrainer stored = trainer(w, NeuralSettings.DEFAULTS, 3)) {
            stored.runUntil(6_000, null);
            assertThat(stored.requeriesByEdge()).containsOnly(0L);
            assertThat(stored.viewTable(m, enc)[0]).isNotEqualTo(requeried[0]);
        }
    }

    @Test
    void twoTrainersOnTwoThreadsShareDjlSafely() throws InterruptedException {
        Workflow w = sample(4_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            long s = seed;
            Thread th = new Thread(() -> {
                try (NeuralSeedTrainer t = trainer(w, NeuralSettings.DEFAULTS, s)) {
                    t.runUntil(4_000, null);
                    if (t.learner(0).trainingSteps() == 0) {
                        throw new AssertionError("no training happened");
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void probeReadsTheComponentsAtItsCadence() {
        Workflow w = sample(6_000);
        FiniteSmdp m = KIND.exactModel(w);
        ComponentAnalysis analysis = ComponentAnalysis.of(w);
        List<ComponentReading> readings = new ArrayList<>();
        try (NeuralSeedTrainer t = trainer(w, NeuralSettings.DEFAULTS, 1)) {
            t.attachProbe(analysis.probe(64, 1), analysis.encodings(), m, 2_000, readings::add);
            t.runUntil(6_000, null);
        }
        assertThat(readings).extracting(ComponentReading::handoffs).containsExactly(2_000L, 4_000L, 6_000L);
        assertThat(readings).allSatisfy(r -> assertThat(r.components().closureHolds()).isTrue());
        assertThat(readings.get(0).components().interfaceGap()).isLessThan(1e-6);
    }
}
