package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.OracleSolver;
import dev.handoff.workflow.Workflow;

/**
 * The return J of the greedy policy of trained learners: evaluated exactly on the finite model where the kind has
 * one (ties broken by the lowest action), otherwise estimated by simulating episodes without exploration or learning.
 */
public final class GreedyReturn {
    /** How a return was obtained, reported next to it. */
    public static final String EXACT = "exact";
    public static final String SIMULATED = "simulated";
    /** Mixed into a seed to seed the simulation that estimates its greedy return. */
    private static final long EVALUATION_SEED_MIX = 0x5DEECE66DL;

    private GreedyReturn() {
    }

    /** J of the greedy policy of {@code run}'s learners: exact on {@code model}, or over {@code episodes} simulated episodes when it is null. */
    public static double of(SeedRun run, FiniteSmdp model, long episodes) {
        return model != null ? run.greedyReturn(model) : run.simulatedGreedyReturn(episodes, run.seed() ^ EVALUATION_SEED_MIX);
    }

    /** The finite model of a workflow, or null when its kind has none. */
    public static FiniteSmdp modelOf(Workflow workflow, EnvironmentKind kind) {
        return kind instanceof FiniteModelKind f ? f.exactModel(workflow) : null;
    }

    /** J* of the centralised optimum, or null when the kind has no finite model. */
    public static Double oracleReturn(FiniteSmdp model) {
        return model == null ? null : OracleSolver.returnOf(model, OracleSolver.solve(model).v());
    }

    public static String evaluationKind(FiniteSmdp model) {
        return model == null ? SIMULATED : EXACT;
    }
}
