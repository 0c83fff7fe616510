package dev.handoff.train;

import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentProbe;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.PolicyEvaluation;
import dev.handoff.input.HeapBudget;
import dev.handoff.input.InputLimits;
import dev.handoff.input.LimitExceededException;
import dev.handoff.learn.StepSizeSchedule;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.Arrays;

/**
 * One seed of a tabular learner (IC-Q, independent, or the oracle on joint states) on one workflow: the wire between
 * the agents (ICQ.md §2). At each handoff i → j it asks j's learner for the one scalar m and gives it to i's learner;
 * that scalar is the only thing that crosses. Single threaded and deterministic for its seed; the hot loop allocates
 * nothing. Build it through {@link SeedRuns}.
 */
public final class SeedTrainer extends AbstractSeedTrainer {
    private static final String CHECKPOINT_MAGIC = "handoff-checkpoint-1";
    private final JointStateAccess joint;
    private final TabularQLearner[] learners;
    private final StepOutcome out = new StepOutcome();
    private final boolean carryScalar;
    /** {@link TabularHotLoop#run} in this environment class's own copy (see {@link PerKindCopies}). */
    private final java.lang.invoke.MethodHandle hotLoop;

    private HandoffRecorder recorder;

    public SeedTrainer(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed) {
        this(workflow, kind, algorithm, seed, workflow.training().handoffs());
    }

    public SeedTrainer(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget) {
        super(workflow, kind, algorithm, seed, budget, ProbeTiming.AT_WINDOW_ENDS);
        TrainingSettings settings = workflow.training();
        this.joint = algorithm == Algorithm.ORACLE ? requireJoint(env, kind) : null;
        this.carryScalar = algorithm != Algorithm.INDEPENDENT;
        int n = env.agentCount();
        requireTablesFit(env, joint, 1, algorithm);
        this.learners = new TabularQLearner[n];
        StepSizeSchedule steps = StepSizeSchedule.of(settings.stepSize());
        for (int i = 0; i < n; i++) {
            int keys = joint != null ? joint.jointStateCount() : env.viewCount(i);
            learners[i] = new TabularQLearner(keys, env.actionCount(i), settings.gamma(), steps);
        }
        this.hotLoop = PerKindCopies.tabularLoop(env.getClass());
    }

    /**
     * Refuses, before any table is allocated, a run whose Q-tables would not fit the heap: {@code seeds} seeds of
     * {@code algorithm} on {@code workflow} (IC-Q and independent learners: views × actions per agent; the oracle: joint
     * states × actions per agent). Throws {@link dev.handoff.input.LimitExceededException} naming the size it would need.
     */
    public static void requireTablesFit(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, int seeds) {
        HandoffEnvironment env = kind.create(workflow);
        requireTablesFit(env, algorithm == Algorithm.ORACLE ? requireJoint(env, kind) : null, seeds, algorithm);
    }

    private static void requireTablesFit(HandoffEnvironment env, JointStateAccess joint, int seeds, Algorithm algorithm) {
        long bytes = 0;
        long largest = 0;
        for (int i = 0; i < env.agentCount(); i++) {
            long entries = HeapBudget.times(joint != null ? joint.jointStateCount() : env.viewCount(i), env.actionCount(i));
            if (entries < 0 || entries > Integer.MAX_VALUE - 8) {
                throw new LimitExceededException(InputLimits.VIEWS, "the Q-table of agent " + i + " would have "
                        + (entries < 0 ? "more" : entries) + " entries (keys × actions), more than a Java array holds");
            }
            largest = Math.max(largest, entries);
            bytes = HeapBudget.plus(bytes, entries * (Double.BYTES + Long.BYTES)); // values and visit counts
        }
        HeapBudget.require(HeapBudget.times(bytes, seeds), "the Q-tables of " + seeds + (seeds == 1 ? " seed" : " seeds")
                + " of " + algorithm.cliName() + " (" + env.agentCount() + " agents, up to " + largest + " entries each)");
    }

    private static JointStateAccess requireJoint(HandoffEnvironment env, EnvironmentKind kind) {
        JointStateAccess access = env.jointStateAccess();
        if (access == null) {
            throw new IllegalArgumentException("the " + kind.id() + " kind exposes no joint state: no centralised oracle learner");
        }
        return access;
    }

    @Override
    protected void runHandoffs(long count) {
        // ε is fixed per window (by the window's first handoff), so how a window is chunked never changes the run
        final double eps = currentEpsilon();
        try {
            hotLoop.invokeExact(env, learners, joint, out, actRng, stats, recorder, carryScalar, eps, handoffs, count);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
        handoffs += count;
    }

    @Override
    protected String describeKey(int agent, int key) {
        return joint != null ? "(joint state " + key + ")" : super.describeKey(agent, key);
    }

    /**
     * Shows every following handoff to {@code handoffRecorder} (null: none). Views are interface keys, so the oracle,
     * which learns on joint states, cannot be recorded.
     */
    @Override
    public void recordHandoffs(HandoffRecorder handoffRecorder) {
        if (handoffRecorder != null && usesJointState()) {
            throw new IllegalArgumentException("the oracle learns on the joint state, which no agent sees: record an "
                    + "icq-tabular or independent run");
        }
        this.recorder = handoffRecorder;
    }

    @Override
    public boolean readsComponents() {
        return joint == null;
    }

    @Override
    protected ComponentProbe probeOf(ComponentAnalysis analysis) {
        return analysis.probe(ComponentAnalysis.TABULAR, seed);
    }

    @Override
    protected String checkpointMagic() {
        return CHECKPOINT_MAGIC;
    }

    @Override
    protected void saveLearners(StateWriter w) {
        for (TabularQLearner l : learners) {
            w.putDoubles(l.table()).putLongs(l.visitTable());
        }
    }

    @Override
    protected void restoreLearners(StateReader r) {
        for (TabularQLearner l : learners) {
            int size = l.viewCount() * l.actionCount();
            l.restore(r.getDoubles(size), r.getLongs(size));
        }
    }

    @Override
    public int greedyAction(HandoffEnvironment sim, int agent) {
        int z = joint == null ? sim.viewKey() : sim.jointStateAccess().jointStateKey();
        return learners[agent].greedyAction(z);
    }

    @Override
    public double greedyReturn(FiniteSmdp model) {
        if (joint != null) {
            return PolicyEvaluation.ofStatePolicy(model, PolicyEvaluation.greedy(LearnedTables.stateTable(model, this))).jValue();
        }
        return super.greedyReturn(model);
    }

    @Override
    public double[][] viewTable(FiniteSmdp model) {
        return LearnedTables.viewTable(model, this);
    }

    @Override
    public QSnapshot snapshot() {
        int n = learners.length;
        double[][] q = new double[n][];
        long[][] v = new long[n][];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = learners[i].table().clone();
            v[i] = learners[i].visitTable().clone();
            actions[i] = learners[i].actionCount();
        }
        return new QSnapshot(algorithm, seed, handoffs, q, v, actions);
    }

    @Override
    public LearnedAgents learnedAgents() {
        return new LearnedAgents.Tables(Arrays.asList(learners), joint != null);
    }

    /** The learners, one per agent (read-only use: evaluation, export, display). */
    public TabularQLearner learner(int agent) {
        return learners[agent];
    }

    @Override
    public int agentCount() {
        return learners.length;
    }

    /** Whether the learners' keys are joint states (the oracle) rather than interface views. */
    public boolean usesJointState() {
        return joint != null;
    }
}
