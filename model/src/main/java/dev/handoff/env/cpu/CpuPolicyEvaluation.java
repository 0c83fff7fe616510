package dev.handoff.env.cpu;

import dev.handoff.cpu.Program;
import dev.handoff.env.StepOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a deterministic policy of the cpu-programming kind exactly: one episode on every task (the environment is
 * deterministic given the task), success judged on every vector, held-out ones included. Accuracy is the share of
 * tasks solved; cost is minus the sum of the option rewards (handoffs, candidates tried, instructions executed).
 */
public final class CpuPolicyEvaluation {
    /** A deterministic policy: the action the holder takes in the environment's current state. */
    @FunctionalInterface
    public interface Policy {
        int action(CpuProgrammingEnvironment env, int agent);
    }

    /**
     * One task's episode under a policy.
     *
     * @param submitted     the program handed to STOP (null when there was none)
     * @param vectorsPassed of the task's vectors (public and held out) the submission passes
     * @param trace         the agents and options in order, e.g. {@code planner:d0-L4 coder:small tester:full}
     */
    public record TaskOutcome(String taskId, String description, String reference, boolean solved, double cost,
                              double episodeReturn, Program submitted, int vectorsPassed, int vectors, int handoffs,
                              String trace) {
    }

    /** A policy's outcome on every task. */
    public record Result(String policy, List<TaskOutcome> tasks) {
        public Result {
            tasks = List.copyOf(tasks);
        }

        public int solved() {
            return (int) tasks.stream().filter(TaskOutcome::solved).count();
        }

        /** Share of tasks solved on held-out vectors (a task counts only when every vector passes). */
        public double accuracy() {
            return solved() / (double) tasks.size();
        }

        public double meanCost() {
            return tasks.stream().mapToDouble(TaskOutcome::cost).average().orElse(Double.NaN);
        }

        public double meanReturn() {
            return tasks.stream().mapToDouble(TaskOutcome::episodeReturn).average().orElse(Double.NaN);
        }

        public TaskOutcome task(String id) {
            return tasks.stream().filter(t -> t.taskId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task " + id));
        }
    }

    private CpuPolicyEvaluation() {
    }

    /** Each agent always takes the same action (one option and one handoff target). */
    public static Policy fixed(int[] actions) {
        int[] a = actions.clone();
        return (env, agent) -> a[agent];
    }

    /** Runs {@code policy} once on every task of {@code env}. */
    public static Result evaluate(String name, CpuProgrammingEnvironment env, Policy policy, List<String> agentIds,
                                  List<List<String>> optionIds) {
        StepOutcome out = new StepOutcome();
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int position = 0; position < env.taskCount(); position++) {
            env.beginTask(position);
            double cost = 0;
            int steps = 0;
            StringBuilder trace = new StringBuilder();
            do {
                int agent = env.nextDecision();
                int action = policy.action(env, agent);
                int targets = env.actionCount(agent) / optionIds.get(agent).size();
                if (trace.length() > 0) {
                    trace.append(' ');
                }
                trace.append(agentIds.get(agent)).append(':').append(optionIds.get(agent).get(action / targets));
                env.step(action, out);
                cost -= out.reward;
                steps++;
            } while (!out.episodeEnded);
            Program p = env.currentProgram();
            int vectors = env.task(position).publicVectors().size() + env.task(position).heldOutVectors().size();
            outcomes.add(new TaskOutcome(env.taskId(position), env.task(position).description(),
                env.task(position).reference(), out.terminalReward > 0, cost, out.episodeReturn, p,
                env.vectorsPassed(), vectors, steps, trace.toString()));
        }
        return new Result(name, outcomes);
    }
}
