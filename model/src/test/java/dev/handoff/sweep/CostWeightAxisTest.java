package dev.handoff.sweep;

import dev.handoff.metrics.SeedStatistics;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The llm-math {@code cost-weight} axis: learners trained on the training questions and every reference policy scored
 * on the held-out questions (released labels), at each λ.
 */
class CostWeightAxisTest {
    private static final List<String> MIXTRAL_GPT4_POLICIES = List.of("icq-tabular", "oracle",
            "mixtral-8x7b-instruct alone", "gpt-4-1106-preview alone", CostWeightAxis.BEST_CASCADE,
            CostWeightAxis.PERFECT_ROUTER);

    private static SweepDesign design(Workflow w, List<String> algos) {
        return SweepAxes.standard().byId(CostWeightAxis.ID).orElseThrow().design(w, new SweepSettings(algos, null, Map.of()));
    }

    @Test
    void twoCostWeightsOneSeedGiveHeldOutFiguresForEveryPolicyConsistentWithTheirLambda() throws Exception {
        Workflow w = SweepSamples.load("llm-math-mixtral-gpt4.workflow.json");
        SweepDesign d = design(w, List.of("icq-tabular", "oracle"));
        assertThat(d.policies()).containsExactlyElementsOf(MIXTRAL_GPT4_POLICIES);
        assertThat(d.metrics()).extracting(SweepMetric::id).containsExactly("accuracy", "costPerQuestion", "reward");
        assertThat(d.metrics().get(0).label()).contains("held-out");
        assertThat(d.axisLabel()).contains("396 held-out questions").contains("grading: released-labels");
        double[] lambdas = {1, 300};
        SweepResult r = LocalSweepEngine.run(d, lambdas, List.of(1L), 2, null);
        int acc = d.metricIndex("accuracy");
        int cost = d.metricIndex("costPerQuestion");
        int reward = d.metricIndex("reward");
        for (int p = 0; p < d.policies().size(); p++) {
            for (int v = 0; v < lambdas.length; v++) {
                double a = r.value(p, acc, v, 0);
                double c = r.value(p, cost, v, 0);
                assertThat(a).as(d.policies().get(p)).isBetween(0.0, 1.0);
                assertThat(c).as(d.policies().get(p)).isPositive();
                assertThat(r.value(p, reward, v, 0)).as(d.policies().get(p)).isCloseTo(a - lambdas[v] * c, within(1e-9));
            }
        }
        int mixtral = d.policies().indexOf("mixtral-8x7b-instruct alone");
        int gpt4 = d.policies().indexOf("gpt-4-1106-preview alone");
        // a single model does not depend on λ; GPT-4 is the more accurate and the dearer one
        assertThat(r.value(gpt4, acc, 1, 0)).isEqualTo(r.value(gpt4, acc, 0, 0)).isGreaterThan(r.value(mixtral, acc, 0, 0));
        assertThat(r.value(gpt4, cost, 0, 0)).isGreaterThan(10 * r.value(mixtral, cost, 0, 0));
        // when cost barely matters IC-Q calls GPT-4 often; when it dominates it spends (almost) only on Mixtral
        int icq = d.policies().indexOf("icq-tabular");
        assertThat(r.value(icq, acc, 0, 0)).isGreaterThanOrEqualTo(r.value(gpt4, acc, 0, 0));
        assertThat(r.value(icq, cost, 1, 0)).isLessThan(2 * r.value(mixtral, cost, 1, 0));
        assertThat(r.value(icq, reward, 1, 0)).isGreaterThanOrEqualTo(r.value(mixtral, reward, 1, 0) - 1e-12);
    }

    /**
     * At λ = 30 per dollar (GPT-4 costs about $0.0037 a question here, so escalating everything costs 0.11 of reward)
     * IC-Q beats both models alone on every seed, and on average over seeds 1–3 comes within 0.01 of the centralised
     * oracle learner (measured: IC-Q 0.762, oracle 0.756, GPT-4 alone 0.749, Mixtral alone 0.609).
     */
    @Test
    void atCostWeight30IcqBeatsBothModelsAloneOnEverySeedAndIsWithin001OfTheOracleLearner() throws Exception {
        Workflow w = SweepSamples.load("llm-math-mixtral-gpt4.workflow.json");
        SweepDesign d = design(w, List.of("icq-tabular", "oracle"));
        List<Long> seeds = List.of(1L, 2L, 3L);
        SweepResult r = LocalSweepEngine.run(d, new double[] {30}, seeds, 2, null);
        int reward = d.metricIndex("reward");
        int icq = d.policies().indexOf("icq-tabular");
        int oracle = d.policies().indexOf("oracle");
        double mixtral = r.value(d.policies().indexOf("mixtral-8x7b-instruct alone"), reward, 0, 0);
        double gpt4 = r.value(d.policies().indexOf("gpt-4-1106-preview alone"), reward, 0, 0);
        for (int s = 0; s < seeds.size(); s++) {
            assertThat(r.value(icq, reward, 0, s)).as("seed " + seeds.get(s)).isGreaterThan(gpt4).isGreaterThan(mixtral);
        }
        SeedStatistics icqMean = r.statistics(icq, reward, 0);
        assertThat(icqMean.mean()).isGreaterThan(r.statistics(oracle, reward, 0).mean() - 0.01);
        assertThat(icqMean.mean()).isLessThan(r.value(d.policies().indexOf(CostWeightAxis.PERFECT_ROUTER), reward, 0, 0));
    }

    @Test
    void neuralIcqRunsOneMeasurementAtATimeAndIsScoredOnTheHeldOutQuestions() throws Exception {
        Workflow w = SweepSamples.load("llm-math-mixtral-gpt4.workflow.json");
        SweepDesign d = SweepAxes.standard().byId(CostWeightAxis.ID).orElseThrow()
                .design(w, new SweepSettings(List.of("icq-neural"), 3_000L, Map.of(CostWeightAxis.ROUTER, 0.0)));
        assertThat(d.maxParallelism()).isEqualTo(1);
        SweepResult r = LocalSweepEngine.run(d, new double[] {30}, List.of(1L), 2, null);
        int acc = d.metricIndex("accuracy");
        int cost = d.metricIndex("costPerQuestion");
        double a = r.value(0, acc, 0, 0);
        double c = r.value(0, cost, 0, 0);
        // whatever it learned in 3,000 handoffs, its answers are graded: accuracy is a share of the 396 questions and
        // it paid at least Mixtral's price (Mixtral answers every question first)
        assertThat(a * 396).isCloseTo(Math.rint(a * 396), within(1e-6));
        assertThat(c).isGreaterThanOrEqualTo(r.value(d.policies().indexOf("mixtral-8x7b-instruct alone"), cost, 0, 0) - 1e-12);
        assertThat(r.value(0, d.metricIndex("reward"), 0, 0)).isCloseTo(a - 30 * c, within(1e-9));
    }

    @Test
    void theGpt3LadderReportsItsFourRungsCheapestFirstBesideTheLearners() throws Exception {
        Workflow w = SweepSamples.load("llm-math-gpt3-ladder.workflow.json");
        SweepDesign d = design(w, List.of("icq-tabular"));
        assertThat(d.policies()).containsExactly("icq-tabular", "gpt3-6b-finetuning alone", "gpt3-175b-finetuning alone",
                "gpt3-6b-verification alone", "gpt3-175b-verification alone", CostWeightAxis.BEST_CASCADE,
                CostWeightAxis.PERFECT_ROUTER);
    }

    @Test
    void refusesOtherKindsNegativeWeightsUnknownLearnersAndOptions() throws Exception {
        SweepAxis axis = new CostWeightAxis();
        Workflow routing = SweepSamples.load("routing-6x6.workflow.json");
        Workflow llm = SweepSamples.load("llm-math-mixtral-gpt4.workflow.json");
        assertThat(axis.supports(routing)).isFalse();
        assertThat(axis.supports(llm)).isTrue();
        assertThat(axis.problemWith(-1)).isNotNull();
        assertThat(axis.problemWith(0)).isNull();
        assertThat(axis.apply(llm, 12.5).environment().parameters().get("costWeight")).isEqualTo(12.5);
        assertThatThrownBy(() -> design(llm, List.of("shortest-path"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown learner");
        assertThatThrownBy(() -> axis.design(llm, new SweepSettings(List.of(), null, Map.of("measure", 5.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no option \"measure\"");
        assertThat(axis.design(llm, new SweepSettings(List.of(), null, Map.of(CostWeightAxis.ROUTER, 0.0))).policies())
                .containsExactlyElementsOf(MIXTRAL_GPT4_POLICIES.subList(0, MIXTRAL_GPT4_POLICIES.size() - 1));
    }
}
