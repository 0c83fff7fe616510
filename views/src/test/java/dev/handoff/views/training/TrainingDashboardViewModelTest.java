package dev.handoff.views.training;

import dev.handoff.train.Algorithm;
import dev.handoff.train.RunState;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.curves.ErrorComponent;
import dev.handoff.views.training.curves.ErrorView;
import dev.handoff.views.training.curves.SeedBand;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.drainUntil;
import static dev.handoff.views.training.DashboardFixtures.gap;
import static dev.handoff.views.training.DashboardFixtures.trainToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;

/** The composed dashboard without a screen: draining the rings into every part, the banner, Reset and the Runs list. */
class TrainingDashboardViewModelTest {
    @Test
    void drainingACompareRunFillsEveryCurveAndTheEdgeScalars(@TempDir Path runs) throws Exception {
        Workflow w = gap(300_000);
        TrainingDashboardViewModel vm = dashboard(w, runs);
        vm.run().modeProperty().set(TrainingMode.COMPARE);
        vm.run().seedsProperty().set(2);
        long before = vm.revisionProperty().get();
        vm.run().train();
        drainUntil(vm, () -> vm.run().stateProperty().get() == RunState.FINISHED);

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.revisionProperty().get()).isGreaterThan(before);
        assertThat(vm.curves().drainedWindows()).isEqualTo(3 * 2 * 6);
        for (Algorithm a : vm.run().algorithms()) {
            assertThat(vm.curves().trainingReturn(a)).containsOnlyKeys(1L, 2L);
            assertThat(vm.curves().trainingReturn(a).get(1L).size()).isEqualTo(6);
            assertThat(vm.curves().greedyReturn(a).get(1L).size()).isPositive();
            assertThat(vm.curves().returnBand(a).size()).isPositive();
        }
        assertThat(vm.run().showsGreedyReturn()).isTrue();
        assertThat(vm.run().oracleReturn()).isNotNull();
        // the oracle's greedy policy ends within a whisker of J*
        assertThat(vm.curves().greedyReturn(Algorithm.ORACLE).get(1L).lastY()).isLessThanOrEqualTo(vm.run().oracleReturn() + 1e-9);
        assertThat(vm.curves().errorViewProperty().get()).isEqualTo(ErrorView.COMPONENTS);
        // error components: IC-Q and independent read at every 50k-handoff window end of both seeds, the oracle never
        assertThat(vm.curves().componentLearner()).isEqualTo(Algorithm.ICQ_TABULAR);
        assertThat(vm.curves().componentReadings(Algorithm.ICQ_TABULAR)).isEqualTo(2 * 6);
        assertThat(vm.curves().componentReadings(Algorithm.INDEPENDENT)).isEqualTo(2 * 6);
        assertThat(vm.curves().componentReadings(Algorithm.ORACLE)).isZero();
        assertThat(vm.curves().closureHolds(Algorithm.ICQ_TABULAR)).isTrue();
        SeedBand total = vm.curves().componentBand(Algorithm.ICQ_TABULAR, ErrorComponent.TOTAL);
        SeedBand sum = vm.curves().componentBand(Algorithm.ICQ_TABULAR, ErrorComponent.SUM_OF_PARTS);
        SeedBand mixing = vm.curves().componentBand(Algorithm.ICQ_TABULAR, ErrorComponent.MIXING_RESIDUAL);
        SeedBand gapComponent = vm.curves().componentBand(Algorithm.ICQ_TABULAR, ErrorComponent.INTERFACE_GAP);
        assertThat(total.size()).isEqualTo(6);
        assertThat(total.seeds()).containsOnly(2);
        for (int i = 0; i < total.size(); i++) {
            assertThat(total.mean()[i]).isLessThanOrEqualTo(sum.mean()[i] + 1e-9);
            assertThat(sum.mean()[i]).isCloseTo(mixing.mean()[i] + gapComponent.mean()[i], org.assertj.core.api.Assertions.within(1e-9));
        }
        // IC-Q's mixing residual shrinks as it learns; the baseline's total stays above IC-Q's
        assertThat(mixing.mean()[5]).isLessThan(mixing.mean()[0]);
        assertThat(vm.curves().componentBand(Algorithm.INDEPENDENT, ErrorComponent.TOTAL).mean()[5])
                .isGreaterThan(total.mean()[5]);
        SeedBand icqGap = vm.curves().oracleGapBand(Algorithm.ICQ_TABULAR);
        SeedBand oracleGap = vm.curves().oracleGapBand(Algorithm.ORACLE);
        assertThat(icqGap.size()).isEqualTo(vm.curves().greedyReturn(Algorithm.ICQ_TABULAR).get(1L).size());
        assertThat(icqGap.mean()[icqGap.size() - 1]).isCloseTo(vm.run().oracleReturn() - vm.curves().returnBand(Algorithm.ICQ_TABULAR)
                .mean()[icqGap.size() - 1], org.assertj.core.api.Assertions.within(1e-9));
        assertThat(oracleGap.mean()[0]).isGreaterThanOrEqualTo(-1e-9);
        int withScalars = 0;
        for (int e = 0; e < vm.trained().edgeCount(); e++) {
            if (vm.activity().edgeRecentCount(e) > 0) {
                withScalars++;
                assertThat(vm.activity().edgeRecentMean(e)).isFinite();
            }
        }
        assertThat(withScalars).isPositive();
        assertThat(vm.curves().tdBand(0).size()).isEqualTo(6);
        assertThat(vm.focus().policyTable(0)).hasSize(vm.trained().viewCount(0));
        assertThat(vm.focus().qCurves(0, 0)).isNotEmpty().allSatisfy(s -> assertThat(s.size()).isPositive());
        double sumActivity = 0;
        for (int i = 0; i < vm.trained().agentCount(); i++) {
            sumActivity += vm.activity().activity(i);
        }
        assertThat(sumActivity).isPositive();
        assertThat(vm.run().notificationProperty().get()).startsWith("finished").contains("J* =");
        assertThat(vm.run().statusTextProperty().get()).contains("Finished").contains("of 1.80M handoffs");
        assertThat(vm.runs().runs()).hasSize(3);

        long rev = vm.revisionProperty().get();
        vm.runs().overlay(vm.runs().runs());
        // each past run comes back as its whole greedy-J curve (mean over its seeds), ending at its final J
        assertThat(vm.runs().overlaid()).hasSize(3).allSatisfy(o -> {
            assertThat(o.run().meanReturn()).isFinite();
            assertThat(o.curve().measure()).isEqualTo(dev.handoff.train.live.RunCurves.Measure.GREEDY_RETURN);
            assertThat(o.curve().size()).isGreaterThanOrEqualTo(2); // the first chunk's evaluation and the final one at least
            assertThat(o.curve().x()[o.curve().size() - 1]).isEqualTo((double) o.run().handoffs());
            assertThat(o.curve().y()[o.curve().size() - 1]).isCloseTo(o.run().meanReturn(),
                    org.assertj.core.api.Assertions.within(1e-9));
        });
        assertThat(vm.revisionProperty().get()).isGreaterThan(rev);

        vm.run().reset();
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.READY);
        assertThat(vm.curves().trainingReturn(Algorithm.ICQ_TABULAR)).isEmpty();
        assertThat(vm.curves().componentReadings(Algorithm.ICQ_TABULAR)).isZero();
        assertThat(vm.activity().edgeRecentCount(0)).isZero();
        assertThat(vm.runs().runs()).hasSize(3);
    }

    @Test
    void neuralIcqRunShowsMirrorQValuesAndItsComponentsAndFreesItsNetworksWhenDone(@TempDir Path runs) throws Exception {
        Workflow w = gap(20_000);
        TrainingDashboardViewModel vm = dashboard(w, runs);
        trainToTheEnd(vm, TrainingMode.ICQ_NEURAL, 2);

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.run().primary()).isEqualTo(Algorithm.ICQ_NEURAL);
        assertThat(vm.run().live().released()).isTrue();
        assertThat(vm.curves().greedyReturn(Algorithm.ICQ_NEURAL)).containsOnlyKeys(1L, 2L);
        assertThat(vm.focus().policyTable(0)).hasSize(vm.trained().viewCount(0)).allSatisfy(r -> assertThat(r.value()).isFinite());
        assertThat(vm.focus().qCurves(0, 0)).allSatisfy(c -> assertThat(c.size()).isPositive());
        assertThat(vm.curves().componentLearner()).isEqualTo(Algorithm.ICQ_NEURAL);
        assertThat(vm.curves().componentReadings(Algorithm.ICQ_NEURAL)).isEqualTo(2 * 40);
        assertThat(java.util.Arrays.stream(vm.curves().componentBand(Algorithm.ICQ_NEURAL,
                ErrorComponent.NEURAL_APPROX).mean()).allMatch(v -> v > 0)).isTrue();
        assertThat(vm.run().notificationProperty().get()).contains("icq-neural J =");
    }
}
