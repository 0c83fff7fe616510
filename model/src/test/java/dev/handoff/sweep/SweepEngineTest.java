package dev.handoff.sweep;

import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generic engine on measurements whose answers are known: CSV layout, seed statistics, log–log slopes. */
class SweepEngineTest {

    private static SweepDesign design(List<String> policies, SweepMeasurement m, String... metricIds) {
        List<SweepMetric> metrics = java.util.Arrays.stream(metricIds).map(id -> new SweepMetric(id, id + " (units)", true))
                .toList();
        return new SweepDesign("x", "x (units)", policies, metrics, m);
    }

    private static SweepReading reading(String policy, Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return new SweepReading(policy, m);
    }

    @Test
    void csvHasOneRowPerValueSeedAndPolicyWithEveryMetric(@TempDir Path dir) throws Exception {
        SweepDesign d = design(List.of("fast", "slow"), (x, seed, runFolder) -> List.of(
                reading("fast", "a", x * 10 + seed, "b", 0.5),
                reading("slow", "a", -x, "b", Double.NaN)), "a", "b");
        SweepResult r = LocalSweepEngine.run(d, new double[] {1, 2, 4}, List.of(1L, 2L, 3L), 2, null);
        Path csv = dir.resolve("sweep.csv");
        SweepCsv.write(r, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 3 * 3 * 2);
        assertThat(lines.get(0)).isEqualTo("x,seed,policy,a,b");
        assertThat(lines).contains("4,2,fast,42,0.5", "2,3,slow,-2,NaN", "1,1,fast,11,0.5");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",").length == 5);
    }

    @Test
    void perValueMeanAndConfidenceIntervalAreStudentTOverSeeds() throws Exception {
        // at every value the three seeds measure 1, 2, 3 (+x): mean 2 + x, sd 1, half-width t(2)·1/√3
        SweepDesign d = design(List.of("p"), (x, seed, runFolder) -> List.of(reading("p", "y", x + seed)), "y");
        SweepResult r = LocalSweepEngine.run(d, new double[] {0, 10}, List.of(1L, 2L, 3L), 1, null);
        SweepSeries s = r.series().get(0);
        assertThat(s.mean()).containsExactly(2.0, 12.0);
        assertThat(s.ci95().get(0)).isCloseTo(4.30265273 / Math.sqrt(3), within(1e-7)); // t(2), 0.975
        assertThat(s.n()).containsExactly(3, 3);
    }

    @Test
    void slopeFitRecoversAKnownPowerLawAcrossNoisySeeds() throws Exception {
        // y = 3·x^(-1/2)·exp(0.05·noise): the fitted slope must be −1/2 within a few hundredths, with a real interval
        SweepDesign d = design(List.of("p"), (x, seed, runFolder) -> {
            Rng rng = new Rng(seed * 1000 + (long) x);
            double noise = rng.nextDouble() - 0.5;
            return List.of(reading("p", "err", 3 * Math.pow(x, -0.5) * Math.exp(0.1 * noise)));
        }, "err");
        double[] values = {10, 100, 1_000, 10_000, 100_000};
        SweepResult r = LocalSweepEngine.run(d, values, List.of(1L, 2L, 3L, 4L, 5L), 2, null);
        SlopeFit fit = r.series().get(0).slope();
        assertThat(fit.slope()).isCloseTo(-0.5, within(0.03));
        assertThat(fit.ci95()).isPositive().isLessThan(0.05);
        assertThat(fit.seedsFitted()).isEqualTo(5);
        assertThat(r.series().get(0).skipped()).isEmpty();
    }

    @Test
    void oneSeedUsesTheOlsStandardErrorWorkedByHand() {
        // ln x = 0, 1, 2 and ln y = 0, 1, 3: slope 3/2, SSE 1/6, SE = √(SSE/1/Sxx) = √(1/12), CI = t(1)·SE
        double e = Math.E;
        LogLogSlope.Result r = LogLogSlope.fit(new double[] {1, e, e * e},
                new double[][] {{1}, {e}, {Math.exp(3)}}, List.of(7L));
        assertThat(r.fit().slope()).isCloseTo(1.5, within(1e-12));
        assertThat(r.fit().ci95()).isCloseTo(12.7062047 * Math.sqrt(1.0 / 12), within(1e-7)); // t(1), 0.975
        assertThat(r.fit().seedsFitted()).isEqualTo(1);
    }

    @Test
    void nonPositiveValuesAreLeftOutOfTheSlopeAndReported() throws Exception {
        // y = x² exactly, except axis value 0 and a zero measured by seed 2 at x = 4
        SweepDesign d = design(List.of("p"), (x, seed, runFolder) -> List.of(reading("p", "y", x == 4 && seed == 2 ? 0 : x * x)),
                "y");
        SweepResult r = LocalSweepEngine.run(d, new double[] {0, 1, 2, 4, 8}, List.of(1L, 2L), 1, null);
        SweepSeries s = r.series().get(0);
        assertThat(s.slope().slope()).isCloseTo(2.0, within(1e-12));
        assertThat(s.slope().seedsFitted()).isEqualTo(2);
        assertThat(s.skipped()).containsExactly("value 0: axis value not positive",
                "value 4: metric not positive for seeds [2]");
    }

    @Test
    void aMetricWithNoPositivePointHasNoSlopeAndSaysWhy() throws Exception {
        SweepDesign d = design(List.of("p"), (x, seed, runFolder) -> List.of(reading("p", "ret", -x)), "ret");
        SweepSeries s = LocalSweepEngine.run(d, new double[] {1, 2}, List.of(1L), 1, null).series().get(0);
        assertThat(s.slope().slope()).isNull();
        assertThat(s.slope().method()).startsWith("not fitted");
        assertThat(s.skipped()).hasSize(2);
    }

    @Test
    void aReadingThatLacksADeclaredMetricFailsTheSweep() {
        SweepDesign d = design(List.of("p"), (x, seed, runFolder) -> List.of(reading("p", "a", 1)), "a", "b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalSweepEngine.run(d, new double[] {1}, List.of(1L), 1, null))
                .hasMessageContaining("lacks metric b");
    }

    @Test
    void aDesignLimitedToOneAtATimeNeverOverlapsMeasurements() throws Exception {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        SweepMeasurement m = (x, seed, runFolder) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return List.of(reading("p", "y", x));
        };
        SweepDesign serial = new SweepDesign("x", "x", List.of("p"), List.of(new SweepMetric("y", "y", true)), m, 1);
        LocalSweepEngine.run(serial, new double[] {1, 2, 3, 4}, List.of(1L, 2L), 4, null);
        assertThat(most.get()).isEqualTo(1);
    }
}
