package dev.handoff.env.cpu;

import dev.handoff.cpu.Difficulty;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.util.List;
import java.util.Map;

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
 * @param live              the live coder's endpoint and replay file (option {@code llm}), or null
 */
public record CpuSettings(String dataDir, List<String> taskIds, Difficulty defaultDifficulty, int defaultLength,
                          double stepCost, double candidateCost, double instructionCost, int maxHandoffs,
                          String startAgent, double gamma, LiveCoderSettings live) {
    public static final double DEFAULT_STEP_COST = 0.01;
    public static final double DEFAULT_CANDIDATE_COST = 1e-7;
    public static final double DEFAULT_INSTRUCTION_COST = 2e-9;
    public static final int DEFAULT_MAX_HANDOFFS = 12;
    public static final int DEFAULT_LENGTH = 4;

    /** The parameter naming the data directory. */
    public static final String DATA_DIR = "dataDir";

    private static final Map<String, Difficulty> DIFFICULTIES = Map.of("d0", Difficulty.D0, "d1", Difficulty.D1,
        "d5", Difficulty.D5);

    public CpuSettings {
        taskIds = List.copyOf(taskIds);
    }

    /**
     * Reads the kind's parameters once, typed: each missing one takes its default; each one of the wrong type, out of
     * range or unknown is added to {@code problems} at its JSON path, and its default is used in its place. γ is the
     * workflow's training γ (1 without training settings).
     */
    public static CpuSettings read(Workflow w, List<Problem> problems) {
        ParameterReader p = ParameterReader.of(w.environment(), problems);
        String dataDir = p.text(DATA_DIR, null);
        int before = p.problemCount();
        List<String> taskIds = p.texts("tasks", List.of());
        if (p.has("tasks") && taskIds.isEmpty() && p.problemCount() == before) {
            p.problem("tasks", "tasks is empty: list task ids such as \"hd01\", or leave it out for all");
        }
        Difficulty difficulty = p.choice("defaultDifficulty", Difficulty.D0, new java.util.TreeMap<>(DIFFICULTIES));
        int length = p.wholeInt("defaultLength", DEFAULT_LENGTH, Range.closed(1, CpuRole.MAX_LENGTH));
        double stepCost = p.number("stepCost", DEFAULT_STEP_COST, Range.closed(0, 1e9));
        double candidateCost = p.number("candidateCost", DEFAULT_CANDIDATE_COST, Range.closed(0, 1e9));
        double instructionCost = p.number("instructionCost", DEFAULT_INSTRUCTION_COST, Range.closed(0, 1e9));
        int maxHandoffs = p.wholeInt("maxHandoffs", DEFAULT_MAX_HANDOFFS, Range.closed(1, 1000));
        String start = p.text("startAgent", null);
        LiveCoderSettings live = p.object("live").map(LiveCoderSettings::read).orElse(null);
        p.refuseUnknown(CpuProgrammingKind.ID + " parameter");
        double gamma = w.training() == null ? 1.0 : w.training().gamma();
        return new CpuSettings(dataDir, taskIds, difficulty, length, stepCost, candidateCost, instructionCost,
            maxHandoffs, start, gamma, live);
    }
}
