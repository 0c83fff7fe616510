package dev.handoff.train;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.components.ComponentProbe;
import dev.handoff.components.ComponentReading;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.input.HeapBudget;
import dev.handoff.input.InputLimits;
import dev.handoff.input.LimitExceededException;
import dev.handoff.learn.StepSizeSchedule;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.util.Rng;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.List;
import java.util.function.Consumer;

/**
 * One seed of one algorithm on one workflow: the wire between the agents (ICQ.md §2). At each handoff i → j it asks
 * j's learner for the one scalar m and gives it to i's learner; that scalar is the only thing that crosses. Single
 * threaded and deterministic for its seed; the hot loop allocates nothing.
 */
public final class SeedTrainer implements SeedRun {
    private static final String CHECKPOINT_MAGIC = "handoff-checkpoint-1";
    private final Algorithm algorithm;
    private final long seed;
    private final HandoffEnvironment env;
    private final JointStateAccess joint;
    private final TabularQLearner[] learners;
    private final EpsilonSpec epsilon;
    private final long budget;
    private final int window;
    private final Rng actRng;
    private final Rng envRng;
    private final StepOutcome out = new StepOutcome();
    private final boolean carryScalar;
    /** {@link TabularHotLoop#run} in this environment class's own copy (see {@link PerKindCopies}). */
    private final java.lang.invoke.MethodHandle hotLoop;

    private final WindowStats stats;
    private long handoffs;
    private ComponentProbe probe;
    private FiniteSmdp probeModel;
    private long probeEvery;
    private long nextProbe = Long.MAX_VALUE;
    private Consumer<ComponentReading> probeSink;
    private HandoffRecorder recorder;

    public SeedTrainer(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed) {
        this(workflow, kind, algorithm, seed, workflow.training().handoffs());
    }

    public SeedTrainer(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget) {
        TrainingSettings settings = workflow.training();
        this.algorithm = algorithm;
        this.seed = seed;
        this.budget = budget;
        this.window = settings.evaluationWindowOrDefault();
        this.epsilon = settings.epsilonOrDefault();
        this.env = kind.create(workflow);
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
        Rng master = new Rng(seed);
        this.envRng = master.split();
        this.actRng = master.split();
        env.reset(envRng);
        this.stats = new WindowStats(workflow, env);
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

    /**
     * Runs handoffs until {@code target} (capped by the budget) and hands each completed window to {@code sink}.
     *
     * @return false if training diverged (see {@link #divergence()})
     */
    @Override
    public boolean runUntil(long target, Consumer<TrainingWindow> sink) {
        long end = Math.min(target, budget);
        while (handoffs < end) {
            long windowEnd = Math.min(end, (handoffs / window + 1) * window);
            runHandoffs(windowEnd - handoffs);
            if (handoffs % window == 0 || handoffs == budget) {
                TrainingWindow w = stats.close(algorithm, seed, handoffs, epsilon.at((handoffs - 1) / window * window));
                if (sink != null) {
                    sink.accept(w);
                }
                if (handoffs >= nextProbe) {
                    nextProbe = (handoffs / probeEvery + 1) * probeEvery;
                    probeSink.accept(probe.reading(seed, handoffs, LearnedTables.viewTable(probeModel, this)));
                }
                if (stats.divergence() != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private void runHandoffs(long count) {
        // ε is fixed per window (by the window's first handoff), so how a window is chunked never changes the run
        final double eps = epsilon.at(handoffs / window * window);
        try {
            hotLoop.invokeExact(env, learners, joint, out, actRng, stats, recorder, carryScalar, eps, count);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
        handoffs += count;
    }

    /**
     * Reads the error components (ICQ.md §4) at the first window end at or past every multiple of {@code every}
     * handoffs, into {@code sink} (on the trainer's thread).
     */
    public void attachProbe(ComponentProbe componentProbe, FiniteSmdp model, long every, Consumer<ComponentReading> sink) {
        if (usesJointState()) {
            throw new IllegalArgumentException("the error components compare interface views: no probe for the oracle");
        }
        if (every < 1) {
            throw new IllegalArgumentException("probe cadence must be at least 1 handoff");
        }
        this.probe = componentProbe;
        this.probeModel = model;
        this.probeEvery = every;
        this.probeSink = sink;
        this.nextProbe = (handoffs / every + 1) * every;
    }

    /**
     * Shows every following handoff to {@code handoffRecorder} (null: none). Views are interface keys, so the oracle,
     * which learns on joint states, cannot be recorded.
     */
    public void recordHandoffs(HandoffRecorder handoffRecorder) {
        if (handoffRecorder != null && usesJointState()) {
            throw new IllegalArgumentException("the oracle learns on the joint state, which no agent sees: record an "
                    + "icq-tabular or independent run");
        }
        this.recorder = handoffRecorder;
    }

    /** Writes everything this seed's run depends on: counters, window accumulators, RNG states, tables, the simulator. */
    public void saveState(StateWriter w) {
        if (!(env instanceof Checkpointable c)) {
            throw new CheckpointException("this environment kind cannot be checkpointed yet");
        }
        w.putString(CHECKPOINT_MAGIC).putString(algorithm.cliName()).putLong(seed).putInt(learners.length);
        w.putLong(handoffs);
        stats.save(w);
        w.putLongs(actRng.state()).putLongs(envRng.state());
        for (TabularQLearner l : learners) {
            w.putDoubles(l.table()).putLongs(l.visitTable());
        }
        c.saveState(w);
    }

    /** Restores a state written by {@link #saveState} for the same workflow, algorithm and seed. */
    public void restoreState(StateReader r) {
        if (!(env instanceof Checkpointable c)) {
            throw new CheckpointException("this environment kind cannot be checkpointed yet");
        }
        if (!CHECKPOINT_MAGIC.equals(r.getString())) {
            throw new CheckpointException("not a Handoff Workbench checkpoint (or one of an older format)");
        }
        String algo = r.getString();
        long s = r.getLong();
        int agents = r.getInt();
        if (!algo.equals(algorithm.cliName()) || s != seed || agents != learners.length) {
            throw new CheckpointException("the checkpoint is of " + algo + " seed " + s + " with " + agents
                    + " agents, not " + algorithm.cliName() + " seed " + seed + " with " + learners.length);
        }
        handoffs = r.getLong();
        stats.restore(r);
        actRng.restore(r.getLongs(4));
        envRng.restore(r.getLongs(4));
        for (TabularQLearner l : learners) {
            int size = l.viewCount() * l.actionCount();
            l.restore(r.getDoubles(size), r.getLongs(size));
        }
        c.restoreState(r);
    }

    @Override
    public boolean finished() {
        return handoffs >= budget;
    }

    @Override
    public long handoffs() {
        return handoffs;
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public String divergence() {
        return stats.divergence();
    }

    public HandoffEnvironment environment() {
        return env;
    }

    /** The learners, one per agent (read-only use: evaluation, export, display). */
    public TabularQLearner learner(int agent) {
        return learners[agent];
    }

    public int agentCount() {
        return learners.length;
    }

    /** Whether the learners' keys are joint states (the oracle) rather than interface views. */
    public boolean usesJointState() {
        return joint != null;
    }
}
