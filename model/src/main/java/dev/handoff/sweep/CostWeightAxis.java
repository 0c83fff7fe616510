package dev.handoff.sweep;

import dev.handoff.env.llm.LlmMathBaselines;
import dev.handoff.env.llm.LlmMathEnvironment;
import dev.handoff.env.llm.LlmMathEvaluation;
import dev.handoff.env.llm.LlmMathKind;
import dev.handoff.env.llm.LlmMathSettings;
import dev.handoff.env.llm.PolicyScore;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cost-weight} axis of the llm-math kind (experiment 2 of ICQ.md §6): λ in reward = correct − λ·dollars.
 * At each λ and seed every learner named by {@code --algo} ({@code icq-tabular}, {@code oracle} — the centralised
 * learner on all features —, {@code independent}, {@code icq-neural}) is trained on the training questions with the
 * workflow's settings for {@code --handoffs} handoffs and its greedy policy is scored on the held-out questions;
 * beside them, as fixed policies (no training, the same for every seed), each model of the workflow alone, the best
 * fixed cascade (chosen by reward on the training questions at that λ) and the perfect router. Metrics: accuracy,
 * dollars per question and reward on the held-out questions, under the workflow's grading (named in the labels).
 * The sweep plot shows accuracy and dollars per question; reward goes to the CSV and JSON only, because the most
 * expensive model's reward falls far below zero at large λ and would flatten every other line. Option
 * {@code -O router=0} leaves the perfect router out.
 */
public final class CostWeightAxis implements SweepAxis {
    public static final String ID = "cost-weight";
    /** Policy name of the best fixed cascade (chosen on the training questions at each λ). */
    public static final String BEST_CASCADE = "best fixed cascade";
    /** Policy name of the perfect router (right whenever any model is; an upper bound, not a learnable policy). */
    public static final String PERFECT_ROUTER = "perfect router";
    /** Suffix of the policy name of one model answering every question. */
    public static final String ALONE = " alone";
    /** Id of the cell that scores the fixed policies (single models, best cascade, perfect router) together. */
    public static final String FIXED_POLICIES = "fixed-policies";
    /** Option: 1 reports the perfect router (default), 0 leaves it out. */
    public static final String ROUTER = "router";
    static final List<String> DEFAULT_LEARNERS = List.of(Algorithm.ICQ_TABULAR.cliName(), Algorithm.ORACLE.cliName());
    private static final Logger LOG = LoggerFactory.getLogger(CostWeightAxis.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "cost weight λ (reward per dollar)";
    }

    @Override
    public boolean supports(Workflow workflow) {
        return workflow.environment() != null && LlmMathKind.ID.equals(workflow.environment().kind());
    }

    @Override
    public String unsupportedReason(Workflow workflow) {
        return "axis \"cost-weight\" needs an llm-math workflow (environment kind \"llm-math\"); this one is \""
                + workflow.environment().kind() + "\"";
    }

    @Override
    public String problemWith(double value) {
        return value >= 0 && Double.isFinite(value) ? null : "a cost weight λ must be a finite number ≥ 0 (per dollar)";
    }

    @Override
    public Workflow apply(Workflow workflow, double value) {
        return workflow.withEnvironment(workflow.environment().with("costWeight", value));
    }

    @Override
    public Map<String, String> options() {
        return Map.of(ROUTER, "1 (default) reports the perfect router, 0 leaves it out (e.g. to keep a plot of many "
                + "policies within the plot's seven colours)");
    }

    @Override
    public SweepDesign design(Workflow base, SweepSettings settings) {
        for (String key : settings.options().keySet()) {
            if (!options().containsKey(key)) {
                throw new IllegalArgumentException("axis cost-weight has no option \"" + key + "\" (known: "
                        + options().keySet() + ")");
            }
        }
        double routerOption = settings.option(ROUTER, 1);
        if (routerOption != 0 && routerOption != 1) {
            throw new IllegalArgumentException("router must be 0 or 1");
        }
        boolean router = routerOption == 1;
        long handoffs = settings.handoffs() != null ? settings.handoffs() : base.training().handoffs();
        if (handoffs <= 0) {
            throw new IllegalArgumentException("--handoffs must be positive");
        }
        List<String> names = settings.policies().isEmpty() ? DEFAULT_LEARNERS : settings.policies();
        List<Algorithm> learners = new ArrayList<>();
        for (String name : names) {
            Algorithm a;
            try {
                a = Algorithm.parse(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown learner \"" + name + "\" for the cost-weight sweep (known: "
                        + "icq-tabular, oracle, independent, icq-neural); the single models, the best fixed cascade and "
                        + "the perfect router are always reported");
            }
            if (learners.contains(a)) {
                throw new IllegalArgumentException("learner \"" + a.cliName() + "\" is named twice");
            }
            learners.add(a);
        }
        LlmMathKind kind = new LlmMathKind();
        LlmMathEnvironment probe = kind.createLlmMath(base);
        List<PolicyScore> reference = LlmMathBaselines.all(probe);
        String grading = probe.settings().grading().id();
        List<String> baselineNames = baselineNames(reference);
        // short metric labels (they are vertical axis titles); the axis label names the question count and the grading
        List<SweepMetric> metrics = List.of(
                new SweepMetric("accuracy", "held-out accuracy", true),
                new SweepMetric("costPerQuestion", "$ per held-out question", true),
                new SweepMetric("reward", "held-out reward (correct − λ·$)", false));
        List<SweepAlgorithm> algorithms = new ArrayList<>();
        for (Algorithm a : learners) {
            algorithms.add(SweepAlgorithm.trained(a.cliName(), (value, seed, runFolder) ->
                    List.of(reading(a.cliName(), trainAndScore(apply(base, value), kind, a, seed, handoffs, runFolder)))));
        }
        List<String> fixedPolicies = router ? baselineNames : baselineNames.subList(0, baselineNames.size() - 1);
        algorithms.add(new SweepAlgorithm(FIXED_POLICIES, fixedPolicies, (value, seed, runFolder) -> {
            List<PolicyScore> fixed = LlmMathBaselines.all(kind.createLlmMath(apply(base, value)));
            List<SweepReading> readings = new ArrayList<>();
            for (int i = 0; i < fixedPolicies.size(); i++) {
                readings.add(reading(fixedPolicies.get(i), fixed.get(i)));
            }
            LOG.info("λ = {}: {}", value, fixed.get(fixed.size() - 2).policy());
            return readings;
        }));
        int parallel = learners.contains(Algorithm.ICQ_NEURAL) ? 1 : Integer.MAX_VALUE;
        String axisLabel = label() + "; " + probe.split().test().length + " held-out questions, grading: " + grading;
        return new SweepDesign(ID, axisLabel, algorithms, metrics, parallel);
    }

    /**
     * Short comma-free names of {@link LlmMathBaselines#all} in its order: {@code "<model> alone"} per model (cheapest
     * first), then {@value #BEST_CASCADE} and {@value #PERFECT_ROUTER}.
     */
    static List<String> baselineNames(List<PolicyScore> reference) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reference.size() - 2; i++) {
            String p = reference.get(i).policy();
            if (!p.endsWith(ALONE)) {
                throw new IllegalStateException("unexpected baseline order: " + p);
            }
            names.add(p);
        }
        names.add(BEST_CASCADE);
        names.add(PERFECT_ROUTER);
        return names;
    }

    /** Trains one learner on the training questions for {@code handoffs} handoffs and scores it greedily on the held-out ones. */
    public static PolicyScore trainAndScore(Workflow w, LlmMathKind kind, Algorithm algorithm, long seed, long handoffs) {
        return trainAndScore(w, kind, algorithm, seed, handoffs, null);
    }

    /** As {@link #trainAndScore(Workflow, LlmMathKind, Algorithm, long, long)}, writing the training's run folder into {@code runFolder} (null: none). */
    static PolicyScore trainAndScore(Workflow w, LlmMathKind kind, Algorithm algorithm, long seed, long handoffs,
                                     Path runFolder) {
        List<Problem> problems = kind.validate(w);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid llm-math workflow: " + problems);
        }
        try (SeedRun trainer = SeedRuns.create(w, kind, algorithm, seed, handoffs, null)) {
            if (!TrainedRunFolder.train(trainer, w, handoffs, runFolder,
                    "a cost-weight sweep cell: it is read by its held-out score")) {
                return diverged(w, algorithm);
            }
            LlmMathEnvironment env = (LlmMathEnvironment) trainer.environment();
            return LlmMathEvaluation.heldOut(env, algorithm.cliName(), (agent, z) -> trainer.greedyAction(env, agent));
        }
    }

    private static PolicyScore diverged(Workflow w, Algorithm algorithm) {
        LlmMathSettings s = LlmMathSettings.read(w.environment(), new ArrayList<>());
        LOG.warn("{} diverged at λ = {}", algorithm.cliName(), s.costWeight());
        return new PolicyScore(algorithm.cliName(), s.grading(), s.costWeight(), 0, Double.NaN, Double.NaN, Double.NaN);
    }

    static SweepReading reading(String policy, PolicyScore s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", s.accuracy());
        m.put("costPerQuestion", s.costPerQuestion());
        m.put("reward", s.reward());
        return new SweepReading(policy, m);
    }
}
