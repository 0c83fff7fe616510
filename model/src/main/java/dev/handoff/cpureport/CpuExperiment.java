package dev.handoff.cpureport;

import dev.handoff.env.cpu.CpuPolicyEvaluation;
import dev.handoff.env.cpu.CpuProgrammingEnvironment;
import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.env.cpu.FixedPipelines;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 8's experiment: IC-Q (tabular, and neural on its own budget) and the centralised oracle learner (joint key)
 * trained on a cpu-programming workflow for a stated budget and several seeds, their greedy pipelines run on every
 * task, next to every fixed pipeline. Deterministic for its seeds.
 */
public final class CpuExperiment {
    /** One trained seed: its algorithm, seed, and the greedy pipeline's outcome on every task. */
    public record SeedResult(Algorithm algorithm, long seed, CpuPolicyEvaluation.Result greedy) {
    }

    /**
     * The comparison.
     *
     * @param handoffs budget per seed
     * @param fixed    every fixed pipeline, best first (most solved, then lowest cost)
     * @param learned  IC-Q and oracle seeds in the order trained
     * @param bestFixedOutcome the best fixed pipeline's outcome per task (for its programs)
     */
    public record Report(long handoffs, List<FixedPipelines.Score> fixed, List<SeedResult> learned,
                         CpuPolicyEvaluation.Result bestFixedOutcome) {
        public Report {
            fixed = List.copyOf(fixed);
            learned = List.copyOf(learned);
        }

        public FixedPipelines.Score bestFixed() {
            return fixed.get(0);
        }

        public List<SeedResult> of(Algorithm a) {
            return learned.stream().filter(s -> s.algorithm() == a).toList();
        }
    }

    private CpuExperiment() {
    }

    /** Trains each tabular algorithm on each seed for {@code handoffs} handoffs and scores everything. */
    public static Report run(Workflow workflow, CpuProgrammingKind kind, List<Algorithm> algorithms, List<Long> seeds,
                             long handoffs) {
        return run(workflow, kind, algorithms, seeds, handoffs, 0, NeuralSettings.of(workflow.training()));
    }

    /**
     * As {@link #run(Workflow, CpuProgrammingKind, List, List, long)}, and when {@code neuralHandoffs > 0} also neural
     * IC-Q on each seed for that many handoffs (a network step costs far more than a table update, hence its own budget).
     */
    public static Report run(Workflow workflow, CpuProgrammingKind kind, List<Algorithm> algorithms, List<Long> seeds,
                             long handoffs, long neuralHandoffs, NeuralSettings neural) {
        List<FixedPipelines.Score> fixed = FixedPipelines.evaluateAll(kind, workflow);
        List<SeedResult> learned = new ArrayList<>();
        for (Algorithm a : algorithms) {
            for (long seed : seeds) {
                learned.add(trainAndScore(workflow, kind, a, seed, handoffs, neural));
            }
        }
        if (neuralHandoffs > 0) {
            for (long seed : seeds) {
                learned.add(trainAndScore(workflow, kind, Algorithm.ICQ_NEURAL, seed, neuralHandoffs, neural));
            }
        }
        CpuPolicyEvaluation.Result best = evaluate(workflow, kind, "fixed: " + fixed.get(0).describe(),
            CpuPolicyEvaluation.fixed(fixed.get(0).actions()));
        return new Report(handoffs, fixed, learned, best);
    }

    /** Trains one seed of {@code algorithm} for {@code handoffs} handoffs and scores its greedy policy on every task. */
    private static SeedResult trainAndScore(Workflow workflow, CpuProgrammingKind kind, Algorithm algorithm, long seed,
                                            long handoffs, NeuralSettings neural) {
        try (SeedRun t = SeedRuns.create(workflow, kind, algorithm, seed, handoffs, neural)) {
            t.runUntil(handoffs, null);
            return new SeedResult(algorithm, seed, evaluate(workflow, kind, algorithm.cliName() + " seed " + seed,
                greedy(t)));
        }
    }

    /** The greedy policy of a trained seed, tabular or neural: per agent, the action its learner values most at its view. */
    public static CpuPolicyEvaluation.Policy greedy(SeedRun trainer) {
        return trainer::greedyAction;
    }

    /** Runs a policy once on every task of a fresh environment of {@code workflow}. */
    public static CpuPolicyEvaluation.Result evaluate(Workflow workflow, CpuProgrammingKind kind, String name,
                                                      CpuPolicyEvaluation.Policy policy) {
        CpuProgrammingEnvironment env = (CpuProgrammingEnvironment) kind.create(workflow);
        List<String> agentIds = workflow.agents().stream().map(AgentSpec::id).toList();
        List<List<String>> options = workflow.agents().stream()
            .map(a -> a.options().stream().map(OptionSpec::id).toList()).toList();
        return CpuPolicyEvaluation.evaluate(name, env, policy, agentIds, options);
    }
}
