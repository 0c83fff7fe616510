package dev.handoff.exact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExactAnalysisScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(ExactAnalysisScaleTest.class);

    @Test
    void analysesASyntheticSizedSlowlyMixingModelInSeconds() {
        // 10 agents × 12 views × 3 hidden regimes = 360 joint states, 120 views, 6 actions; η = 1e-4 gives t_mix ≈ 1e4.
        double eta = 1e-4;
        FiniteSmdp smdp = TestModels.hiddenRegime(42, 10, 12, 6, 3, eta, 1.0);
        double[][] behaviour = ExactAnalysis.uniformBehaviour(smdp);
        ExactAnalysis.of(smdp, behaviour); // warm-up of the JIT, so the timing below is of the algorithm

        long start = System.nanoTime();
        ExactAnalysis analysis = ExactAnalysis.of(smdp, behaviour);
        double seconds = (System.nanoTime() - start) / 1e9;

        ExactReport report = analysis.report();
        LOG.info("360-state analysis: {} s, {}", seconds, report);
        System.out.printf("360-state analysis took %.3f s: %s%n", seconds, report);
        assertThat(report.stateCount()).isEqualTo(360);
        assertThat(report.viewCount()).isEqualTo(120);
        assertThat(report.viewActionCount()).isEqualTo(720);
        long regimeOnly = (long) Math.ceil(Math.log(0.25 / (2.0 / 3)) / Math.log(1 - eta));
        assertThat(report.tMix()).isBetween(regimeOnly, regimeOnly + 50);
        assertThat(report.relaxationTime()).isCloseTo(1 / eta, within(1e-3 / eta));
        assertThat(report.interfaceGapQ()).isGreaterThan(0);
        assertThat(report.interfaceGapQSup()).isLessThanOrEqualTo(report.aisBound());
        assertThat(report.viResOracle()).isLessThan(1e-10);
        assertThat(report.stationarityResidual()).isLessThan(1e-12);
        assertThat(seconds).isLessThan(5.0);
    }

    @Test
    void reportSerialisesWithTheDocumentedJsonNames() throws Exception {
        FiniteSmdp smdp = TestModels.hiddenRegime(1, 2, 3, 2, 2, 0.1, 0.5);
        ExactReport report = ExactAnalysis.of(smdp, ExactAnalysis.uniformBehaviour(smdp)).report();

        JsonNode json = new ObjectMapper().valueToTree(report);

        assertThat(json.fieldNames()).toIterable().contains("vStar", "interfaceGapQ", "interfaceGapQSup", "policyLoss",
                "tMix", "relaxationTime", "epsR", "deltaK", "rho", "gammaBar", "aisBound", "stateCount", "viewCount",
                "viewActionCount", "viResOracle", "viResInterface");
        assertThat(json.get("vStar").asDouble()).isEqualTo(report.vStar());
        assertThat(json.get("tMix").asLong()).isEqualTo(report.tMix());
    }
}
