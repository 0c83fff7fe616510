package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.ModelSize;
import dev.handoff.exact.OracleSolver;
import dev.handoff.input.InputLimits;
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

    /** How large the workflow's exact model would be (counted, not built), or null when its kind has none. */
    public static ModelSize sizeOf(Workflow workflow, EnvironmentKind kind) {
        return kind instanceof FiniteModelKind f ? f.exactModelSize(workflow) : null;
    }

    /**
     * The finite model of a workflow, or null when its kind has none or the model would not fit the heap (then returns
     * are simulated; {@link #whyNoExactModel} says so).
     */
    public static FiniteSmdp modelOf(Workflow workflow, EnvironmentKind kind) {
        return modelOf(workflow, kind, sizeOf(workflow, kind));
    }

    /** {@link #modelOf(Workflow, EnvironmentKind)} with its size already counted. */
    static FiniteSmdp modelOf(Workflow workflow, EnvironmentKind kind, ModelSize size) {
        return size != null && size.fitsHeap() ? ((FiniteModelKind) kind).exactModel(workflow) : null;
    }

    /**
     * Why a model of this size is not used for returns, or not for the error components (null when it is used for both,
     * or there is none): for the progress line before training starts.
     */
    public static String whyNoExactModel(ModelSize size) {
        if (size == null) {
            return null;
        }
        if (!size.fitsHeap()) {
            return "the exact model (" + size.states() + " joint states) would need "
                    + (size.modelBytes() < 0 ? "more memory than any heap" : InputLimits.bytes(size.modelBytes()))
                    + ", more than " + InputLimits.HEAP_PERCENT + "% of the heap: returns are estimated by simulation "
                    + "and the error components are not measured";
        }
        if (!size.analysable()) {
            return "the exact analysis cannot take " + size.states() + " joint states (" + InputLimits.EXACT_STATES
                    + ", and a dense " + size.states() + "×" + size.states() + " matrix of "
                    + InputLimits.bytes(size.analysisBytes()) + "): the error components are not measured";
        }
        return null;
    }

    /** Whether the error components of a workflow can be measured (finite model, analysable size). */
    public static boolean componentsMeasurable(Workflow workflow, EnvironmentKind kind) {
        ModelSize size = sizeOf(workflow, kind);
        return size != null && size.analysable();
    }

    /** J* of the centralised optimum, or null when the kind has no finite model. */
    public static Double oracleReturn(FiniteSmdp model) {
        return model == null ? null : OracleSolver.returnOf(model, OracleSolver.solve(model).v());
    }

    public static String evaluationKind(FiniteSmdp model) {
        return model == null ? SIMULATED : EXACT;
    }
}
