package dev.handoff.env.cpu;

import dev.handoff.cpu.Difficulty;

import java.util.List;

/**
 * The cpu-programming kind's parameters ({@code environment.parameters}), with their defaults.
 *
 * @param dataDir           directory holding the Hacker's Delight files; a relative one is looked up in the working
 *                          directory and its parents (null: {@code sample-workflows/data/cpu-programming})
 * @param taskIds           the tasks episodes draw from, uniformly (default: all 19)
 * @param defaultDifficulty grammar the coder uses when no planner has spoken (default d0)
 * @param defaultLength     length bound the coder uses when no planner has spoken (default 4)
 * @param stepCost          cost of every handoff (default 0.01)
 * @param candidateCost     cost per candidate program tried (default 1e-7)
 * @param instructionCost   cost per RV32IM instruction executed (default 2e-9)
 * @param maxHandoffs       handoffs after which the program is submitted as it stands (default 12)
 * @param startAgent        id of the agent that receives each new task (default: the first agent)
 * @param gamma             discount of the episode return (the workflow's training γ, default 1)
 */
public record CpuSettings(String dataDir, List<String> taskIds, Difficulty defaultDifficulty, int defaultLength,
                          double stepCost, double candidateCost, double instructionCost, int maxHandoffs,
                          String startAgent, double gamma) {
    public static final double DEFAULT_STEP_COST = 0.01;
    public static final double DEFAULT_CANDIDATE_COST = 1e-7;
    public static final double DEFAULT_INSTRUCTION_COST = 2e-9;
    public static final int DEFAULT_MAX_HANDOFFS = 12;
    public static final int DEFAULT_LENGTH = 4;

    public CpuSettings {
        taskIds = List.copyOf(taskIds);
    }
}
