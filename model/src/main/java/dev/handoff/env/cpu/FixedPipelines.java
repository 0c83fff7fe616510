package dev.handoff.env.cpu;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed-pipeline baselines of the cpu-programming experiment: every policy that gives each agent one fixed action
 * (one option and one handoff target, whatever it sees), run once on every task of the workflow. The environment is
 * deterministic given the task, so one episode per task is the exact score.
 */
public final class FixedPipelines {
    /**
     * One fixed pipeline's score.
     *
     * @param actions    the action of each agent (index-aligned with the workflow's agents)
     * @param describe   e.g. {@code planner: d0-L4 → coder; coder: small → tester; ...}
     * @param solved     tasks whose submission passed every vector, held-out included
     * @param meanReturn mean discounted episode return
     * @param meanCost   mean undiscounted cost (minus the sum of option rewards) per episode
     */
    public record Score(int[] actions, String describe, int solved, int tasks, double meanReturn, double meanCost) {
        public Score {
            actions = actions.clone();
        }

        @Override
        public int[] actions() {
            return actions.clone();
        }
    }

    private FixedPipelines() {
    }

    /** Scores of every fixed pipeline, best first (most tasks solved, then lowest cost). */
    public static List<Score> evaluateAll(CpuProgrammingKind kind, Workflow workflow) {
        CpuSettings settings = CpuProgrammingKind.settings(workflow);
        List<String> taskIds = settings.taskIds().isEmpty()
            ? kind.taskIds(settings) : settings.taskIds();
        List<HandoffEnvironment> envs = new ArrayList<>();
        for (String id : taskIds) {
            envs.add(kind.create(workflow.withEnvironment(workflow.environment().with("tasks", List.of(id)))));
        }
        int n = workflow.agents().size();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = envs.get(0).actionCount(i);
        }
        List<Score> scores = new ArrayList<>();
        int[] actions = new int[n];
        while (true) {
            scores.add(score(workflow, envs, actions));
            int i = 0;
            while (i < n && ++actions[i] == counts[i]) {
                actions[i] = 0;
                i++;
            }
            if (i == n) {
                break;
            }
        }
        scores.sort(Comparator.comparingInt(Score::solved).reversed().thenComparingDouble(Score::meanCost));
        return scores;
    }

    /** One fixed pipeline run once on each task's environment. */
    public static Score score(Workflow workflow, List<HandoffEnvironment> envs, int[] actions) {
        StepOutcome out = new StepOutcome();
        int solved = 0;
        double returns = 0;
        double costs = 0;
        for (HandoffEnvironment env : envs) {
            env.reset(new Rng(0));
            do {
                int agent = env.nextDecision();
                env.step(actions[agent], out);
                costs -= out.reward;
            } while (!out.episodeEnded);
            if (out.terminalReward > 0) {
                solved++;
            }
            returns += out.episodeReturn;
        }
        return new Score(actions, describe(workflow, envs.get(0), actions), solved, envs.size(),
            returns / envs.size(), costs / envs.size());
    }

    private static String describe(Workflow w, HandoffEnvironment env, int[] actions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < actions.length; i++) {
            AgentSpec a = w.agents().get(i);
            List<String> succ = w.successors(a.id());
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(a.id()).append(": ").append(a.options().get(actions[i] / succ.size()).id())
                .append(" → ").append(succ.get(actions[i] % succ.size()));
        }
        return sb.toString();
    }
}
