package dev.handoff.train;

import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentReading;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.exact.FiniteSmdp;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One seed of one learner on one workflow, whatever its learners are (tables, networks): everything a
 * {@link TrainingSession}, a {@link TrainingRun}, the live dashboard and the sweeps need of it. It advances to a handoff
 * count emitting {@link TrainingWindow}s, reads the error components through a probe, saves and restores its whole
 * state, evaluates its greedy policy, and shows its Q values. {@link SeedRuns} is the only place that knows the
 * implementations; a new kind of learner (say, one that learns offline from traces) is one more implementation there.
 *
 * <p>Single threaded: call one method at a time, and read learners or write checkpoints only between
 * {@link #runUntil} calls.
 */
public interface SeedRun extends Checkpointable, AutoCloseable {
    // ---- stepping

    /** Runs until {@code target} handoffs (capped by the budget), handing each completed window to {@code sink} (may be null); false if training diverged. */
    boolean runUntil(long target, Consumer<TrainingWindow> sink);

    boolean finished();

    long handoffs();

    long budget();

    long seed();

    Algorithm algorithm();

    /** Why training diverged (naming the agent, its view and the handoff), or null. */
    String divergence();

    /** Episodes finished so far (artifacts handed to STOP). */
    long episodes();

    /** Decisions taken by each agent so far (for activity displays; not part of a checkpoint, so it restarts on resume). */
    long[] decisionsByAgent();

    /** The simulator this seed trains on (for measuring it while it trains, as the routing load sweep does). */
    HandoffEnvironment environment();

    int agentCount();

    // ---- error components

    /** Whether this learner's Q can be compared with Q̂ and Q* (false for the oracle, which learns on joint states). */
    boolean readsComponents();

    /**
     * Reads the error components (ICQ.md §4) about every {@code every} handoffs into {@code sink}, on the trainer's
     * thread, against the reference {@code analysis} gives for this learner.
     */
    void attachProbe(ComponentAnalysis analysis, FiniteSmdp model, long every, Consumer<ComponentReading> sink);

    // ---- greedy policy

    /** The greedy action of {@code agent} at the current decision of {@code env} (a simulator of the same workflow). */
    int greedyAction(HandoffEnvironment env, int agent);

    /** J of the greedy policy, evaluated exactly on the workflow's finite model. */
    double greedyReturn(FiniteSmdp model);

    /** Mean episode return of the greedy policy over {@code episodes} simulated episodes (no exploration, no learning). */
    double simulatedGreedyReturn(long episodes, long evaluationSeed);

    /** Q by global view of a finite model (IC-Q and independent learners), for comparison with Q̂ and Q*. */
    double[][] viewTable(FiniteSmdp model);

    /** A copy of the learners' Q values (and visit counts, where kept) by agent and interface key. */
    QSnapshot snapshot();

    /** What the trained policy is made of, for a policy bundle. */
    LearnedAgents learnedAgents();

    /**
     * Writes into a new run folder the learner settings that are not in the workflow and that a resume needs to rebuild
     * the learners (a neural run's network settings, {@link RunFolder#NEURAL_SETTINGS}); nothing by default.
     */
    default void writeSettings(Path runDir) throws java.io.IOException {
    }

    /** Writes what a run folder keeps of this seed besides its checkpoint (a neural seed's networks); nothing by default. */
    default void writeArtifacts(Path runDir) throws java.io.IOException {
    }

    /**
     * Shows every following handoff to {@code recorder} (null: none), as each agent's own trace sees it. Only learners
     * on interface views can be recorded (icq-tabular, independent); others refuse.
     */
    default void recordHandoffs(HandoffRecorder recorder) {
        if (recorder != null) {
            throw new IllegalArgumentException(algorithm().cliName() + " runs cannot be recorded as traces: record an "
                    + "icq-tabular or independent run");
        }
    }

    /** Frees what the learners hold outside the heap (DJL networks); nothing by default. */
    @Override
    default void close() {
    }
}
