package dev.handoff.exact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OccupancyAndMixingTest {

    private static double[][] onlyAction(FiniteSmdp smdp) {
        return ExactAnalysis.uniformBehaviour(smdp);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.05, 0.01, 1e-3, 1e-4, 1e-5})
    void twoStateFlipChainMixesAsTheClosedFormSays(double eta) {
        FiniteSmdp smdp = TestModels.twoStateFlip(eta);
        BehaviourChain chain = BehaviourChain.of(smdp, onlyAction(smdp));
        Occupancy occupancy = Occupancy.of(smdp, chain);

        MixingTime mixing = MixingTime.of(chain, occupancy.state());

        long expected = 1;
        while (Math.pow(Math.abs(1 - 2 * eta), expected) / 2 > 0.25) {
            expected++;
        }
        assertThat(occupancy.state()).containsExactly(new double[]{0.5, 0.5}, within(1e-14));
        assertThat(mixing.tMix()).isEqualTo(expected);
        assertThat(mixing.relaxationTime()).isCloseTo(1 / (2 * eta), within(1e-6 / (2 * eta)));
    }

    @Test
    void occupancyIsAStationaryDistributionOnRandomModels() {
        for (long seed = 1; seed <= 40; seed++) {
            FiniteSmdp smdp = TestModels.random(seed, 12, false);
            double[][] b = ExactAnalysis.uniformBehaviour(smdp);
            BehaviourChain chain = BehaviourChain.of(smdp, b);

            Occupancy occupancy = Occupancy.of(smdp, chain);

            double total = 0;
            for (double m : occupancy.state()) {
                assertThat(m).isGreaterThanOrEqualTo(0);
                total += m;
            }
            assertThat(total).as("seed %d", seed).isCloseTo(1, within(1e-12));
            assertThat(chain.stationarityResidual(occupancy.state())).as("seed %d", seed).isLessThan(1e-12);
            double viewTotal = 0;
            for (double m : occupancy.view()) {
                viewTotal += m;
            }
            assertThat(viewTotal).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void stateGivenViewSumsToOneInEveryViewThatHoldsAState() {
        FiniteSmdp smdp = TestModels.random(7, 12, false);
        Occupancy occupancy = Occupancy.of(smdp, ExactAnalysis.uniformBehaviour(smdp));

        double[] perView = new double[smdp.viewCount()];
        boolean[] hasState = new boolean[smdp.viewCount()];
        for (int s = 0; s < smdp.stateCount(); s++) {
            perView[smdp.viewOf()[s]] += occupancy.stateGivenView()[s];
            hasState[smdp.viewOf()[s]] = true;
        }
        for (int z = 0; z < perView.length; z++) {
            assertThat(perView[z]).isCloseTo(hasState[z] ? 1 : 0, within(1e-12));
        }
    }

    @Test
    void mixingTimeAgreesWithStepByStepDistancesOnRandomModels() {
        for (long seed = 100; seed < 130; seed++) {
            FiniteSmdp smdp = TestModels.random(seed, 10, false);
            BehaviourChain chain = BehaviourChain.of(smdp, ExactAnalysis.uniformBehaviour(smdp));
            double[] mu = Occupancy.of(smdp, chain).state();

            MixingTime mixing = MixingTime.of(chain, mu);

            assertThat(mixing.tMix()).as("seed %d", seed).isEqualTo(bruteForceMixingTime(chain, mu, 100_000));
        }
    }

    @Test
    void mixingTimeAgreesWithStepByStepDistancesWhenStatesShareTheirRowsOfP() {
        int groupedModels = 0;
        for (long seed = 200; seed < 240; seed++) {
            FiniteSmdp smdp = TestModels.withCopiedNextLaws(TestModels.random(seed, 10, false), seed);
            BehaviourChain chain = BehaviourChain.of(smdp, ExactAnalysis.uniformBehaviour(smdp));
            double[] mu = Occupancy.of(smdp, chain).state();
            int groups = java.util.Arrays.stream(chain.identicalRowClasses()).max().orElse(0) + 1;
            if (groups < smdp.stateCount()) {
                groupedModels++;
            }

            MixingTime mixing = MixingTime.of(chain, mu);

            assertThat(mixing.tMix()).as("seed %d", seed).isEqualTo(bruteForceMixingTime(chain, mu, 100_000));
        }
        assertThat(groupedModels).isGreaterThan(10);
    }

    @Test
    void relaxationTimeOfAHiddenRegimeIsOneOverEta() {
        double eta = 1e-3;
        FiniteSmdp smdp = TestModels.hiddenRegime(3, 2, 5, 2, 3, eta, 1.0);
        BehaviourChain chain = BehaviourChain.of(smdp, ExactAnalysis.uniformBehaviour(smdp));
        double[] mu = Occupancy.of(smdp, chain).state();

        MixingTime mixing = MixingTime.of(chain, mu);

        assertThat(mixing.relaxationTime()).isCloseTo(1 / eta, within(1e-3 / eta));
        // The regime marginal alone is (2/3)(1 − η)^t away from uniform, so t_mix is at least where that hits 1/4.
        long regimeOnly = (long) Math.ceil(Math.log(0.25 / (2.0 / 3)) / Math.log(1 - eta));
        assertThat(mixing.tMix()).isBetween(regimeOnly, regimeOnly + 50);
        assertThat(mixing.tMix()).isEqualTo(bruteForceMixingTime(chain, mu, 100_000));
    }

    @Test
    void periodicChainIsReportedAsNeverMixing() {
        FiniteSmdp smdp = TestModels.twoStateFlip(1.0);
        BehaviourChain chain = BehaviourChain.of(smdp, onlyAction(smdp));
        Occupancy occupancy = Occupancy.of(smdp, chain);

        MixingTime mixing = MixingTime.of(chain, occupancy.state());

        assertThat(occupancy.state()).containsExactly(new double[]{0.5, 0.5}, within(1e-14));
        assertThat(mixing.tMix()).isEqualTo(MixingTime.NOT_MIXED);
        assertThat(mixing.secondEigenvalueModulus()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void chainWithTwoClosedClassesSettlesOnTheMixtureReachedFromTheResetLaw() {
        // States {0,1} and {2,3} never communicate; the reset law puts 0.3 on the first class and 0.7 on the second.
        double[][][] next = {{{0.5, 0.5, 0, 0}}, {{0.9, 0.1, 0, 0}}, {{0, 0, 0.2, 0.8}}, {{0, 0, 0.6, 0.4}}};
        double[][][] kernel = new double[4][1][4];
        for (int s = 0; s < 4; s++) {
            for (int j = 0; j < 4; j++) {
                kernel[s][0][j] = 0.9 * next[s][0][j];
            }
        }
        FiniteSmdp smdp = TestModels.fromDense(new int[]{0, 0, 0, 0}, new int[]{0, 1, 2, 3}, new int[]{4},
                new int[]{1}, new double[][]{{1}, {0}, {0}, {1}}, kernel, next,
                new double[][]{{0.9}, {0.9}, {0.9}, {0.9}}, new double[]{0.3, 0, 0.7, 0});
        BehaviourChain chain = BehaviourChain.of(smdp, onlyAction(smdp));

        Occupancy occupancy = Occupancy.of(smdp, chain);

        double[] mu = occupancy.state();
        assertThat(chain.stationarityResidual(mu)).isLessThan(1e-12);
        assertThat(mu[0] + mu[1]).isCloseTo(0.3, within(1e-9));
        assertThat(mu[2] + mu[3]).isCloseTo(0.7, within(1e-9));
        // within the first class μ ∝ (0.9, 0.5): the balance 0.5·μ0 = 0.9·μ1
        assertThat(mu[0] / (mu[0] + mu[1])).isCloseTo(0.9 / 1.4, within(1e-9));
        assertThat(MixingTime.of(chain, mu).tMix()).isEqualTo(MixingTime.NOT_MIXED);
    }

    /** d(t) by pushing every start distribution forward one step at a time. */
    private static long bruteForceMixingTime(BehaviourChain chain, double[] mu, int maxSteps) {
        int n = chain.stateCount();
        double[][] rows = new double[n][n];
        for (int s = 0; s < n; s++) {
            rows[s][s] = 1;
        }
        double[] pushed = new double[n];
        for (int t = 1; t <= maxSteps; t++) {
            double worst = 0;
            for (int s = 0; s < n; s++) {
                chain.step(rows[s], pushed);
                System.arraycopy(pushed, 0, rows[s], 0, n);
                double distance = 0;
                for (int j = 0; j < n; j++) {
                    distance += Math.abs(rows[s][j] - mu[j]);
                }
                worst = Math.max(worst, distance / 2);
            }
            if (worst <= 0.25) {
                return t;
            }
        }
        return MixingTime.NOT_MIXED;
    }
}
