package dev.handoff.train;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.components.ComponentProbe;
import dev.handoff.components.ComponentReading;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.PolicyEvaluation;
import dev.handoff.util.Rng;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;

import java.util.function.Consumer;

/**
 * What every seed trainer shares, whatever its learners: the simulator and its two random streams, the window loop
 * with its ε schedule, error-component probes, divergence, the checkpoint's common part, and greedy evaluation by
 * simulation. A subclass supplies the hot loop ({@link #runHandoffs}), its learners' part of a checkpoint, its greedy
 * action and its Q by view.
 */
abstract class AbstractSeedTrainer implements SeedRun {
    /** When a probe reads the error components. */
    enum ProbeTiming {
        /** At the first window end at or past each multiple of the cadence (the hot loop is never split). */
        AT_WINDOW_ENDS,
        /** At each exact multiple of the cadence. */
        EXACT
    }

    protected final Workflow workflow;
    protected final EnvironmentKind kind;
    protected final Algorithm algorithm;
    protected final long seed;
    protected final long budget;
    protected final int window;
    protected final EpsilonSpec epsilon;
    protected final HandoffEnvironment env;
    /** The seed's master stream after the simulator's and the actions' streams were split off: seeds for learners. */
    protected final Rng master;
    protected final Rng envRng;
    protected final Rng actRng;
    protected final WindowStats stats;
    protected long handoffs;

    private final ProbeTiming probeTiming;
    private ComponentProbe probe;
    private FiniteSmdp probeModel;
    private long probeEvery;
    private long nextProbe = Long.MAX_VALUE;
    private Consumer<ComponentReading> probeSink;
    private java.util.List<dev.handoff.observe.InterfaceMap> interfaceMaps;

    AbstractSeedTrainer(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, long seed, long budget,
                        ProbeTiming probeTiming) {
        this.workflow = workflow;
        this.kind = kind;
        this.algorithm = algorithm;
        this.seed = seed;
        this.budget = budget;
        this.probeTiming = probeTiming;
        this.window = workflow.training().evaluationWindowOrDefault();
        this.epsilon = workflow.training().epsilonOrDefault();
        this.env = kind.create(workflow);
        this.master = new Rng(seed);
        this.envRng = master.split();
        this.actRng = master.split();
        env.reset(envRng);
        this.stats = new WindowStats(workflow, env);
    }

    /** Runs {@code count} handoffs with ε fixed at the current window's value, recording them in {@link #stats}. */
    protected abstract void runHandoffs(long count);

    /** The magic string a checkpoint of this trainer starts with. */
    protected abstract String checkpointMagic();

    /** Writes the learners' whole state (after the common part of the checkpoint, before the simulator's). */
    protected abstract void saveLearners(StateWriter w);

    /** Restores what {@link #saveLearners} wrote. */
    protected abstract void restoreLearners(StateReader r);

    /** The probe's reference for this learner (the tabular Q̂, or the neural fixed point of the network's width). */
    protected abstract ComponentProbe probeOf(dev.handoff.components.ComponentAnalysis analysis);

    /**
     * Runs handoffs until {@code target} (capped by the budget) and hands each completed window to {@code sink}.
     *
     * @return false if training diverged (see {@link #divergence()})
     */
    @Override
    public boolean runUntil(long target, Consumer<TrainingWindow> sink) {
        long end = Math.min(target, budget);
        boolean exactProbes = probeTiming == ProbeTiming.EXACT;
        while (handoffs < end) {
            long windowEnd = Math.min(end, (handoffs / window + 1) * window);
            if (exactProbes) {
                windowEnd = Math.min(windowEnd, nextProbe);
            }
            runHandoffs(windowEnd - handoffs);
            if (exactProbes && handoffs == nextProbe) {
                readProbe();
                nextProbe += probeEvery;
            }
            if (handoffs % window == 0 || handoffs == budget) {
                TrainingWindow w = stats.close(algorithm, seed, handoffs, epsilon.at((handoffs - 1) / window * window),
                        this::describeKey);
                if (sink != null) {
                    sink.accept(w);
                }
                if (!exactProbes && handoffs >= nextProbe) {
                    nextProbe = (handoffs / probeEvery + 1) * probeEvery;
                    readProbe();
                }
                if (stats.divergence() != null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ε for the handoffs about to run: fixed per window (by its first handoff), so chunking never changes a run. */
    protected final double currentEpsilon() {
        return epsilon.at(handoffs / window * window);
    }

    /** A learner key of {@code agent} in words: the interface view it stands for. */
    protected String describeKey(int agent, int key) {
        return "\"" + interfaceMaps().get(agent).describe(key) + "\"";
    }

    /** The agents' interface maps (compiled on first use: only faults and snapshots need them). */
    protected final java.util.List<dev.handoff.observe.InterfaceMap> interfaceMaps() {
        if (interfaceMaps == null) {
            interfaceMaps = dev.handoff.observe.InterfaceMaps.compile(workflow);
        }
        return interfaceMaps;
    }

    private void readProbe() {
        probeSink.accept(probe.reading(seed, handoffs, viewTable(probeModel)));
    }

    @Override
    public boolean readsComponents() {
        return true;
    }

    @Override
    public void attachProbe(dev.handoff.components.ComponentAnalysis analysis, FiniteSmdp model, long every,
                            Consumer<ComponentReading> sink) {
        attachProbe(probeOf(analysis), model, every, sink);
    }

    /**
     * Reads the error components against {@code componentProbe}'s reference every {@code every} handoffs (see
     * {@link ProbeTiming}) into {@code sink}, on the trainer's thread.
     */
    public void attachProbe(ComponentProbe componentProbe, FiniteSmdp model, long every, Consumer<ComponentReading> sink) {
        if (!readsComponents()) {
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

    // ---- checkpoints

    /** Writes everything this seed's run depends on: counters, window accumulators, RNG states, learners, the simulator. */
    @Override
    public final void saveState(StateWriter w) {
        Checkpointable simulator = checkpointableEnvironment();
        w.putString(checkpointMagic()).putString(algorithm.cliName()).putLong(seed).putInt(agentCount());
        w.putLong(handoffs);
        stats.save(w);
        w.putLongs(actRng.state()).putLongs(envRng.state());
        saveLearners(w);
        simulator.saveState(w);
    }

    /** Restores a state written by {@link #saveState} for the same workflow, learner settings and seed. */
    @Override
    public final void restoreState(StateReader r) {
        Checkpointable simulator = checkpointableEnvironment();
        if (!checkpointMagic().equals(r.getString())) {
            throw new CheckpointException("not a checkpoint of a " + algorithm.cliName()
                    + " Handoff Workbench run (or one of an older format)");
        }
        String algo = r.getString();
        long s = r.getLong();
        int agents = r.getInt();
        if (!algo.equals(algorithm.cliName()) || s != seed || agents != agentCount()) {
            throw new CheckpointException("the checkpoint is of " + algo + " seed " + s + " with " + agents
                    + " agents, not " + algorithm.cliName() + " seed " + seed + " with " + agentCount());
        }
        handoffs = r.getLong();
        stats.restore(r);
        actRng.restore(r.getLongs(4));
        envRng.restore(r.getLongs(4));
        restoreLearners(r);
        simulator.restoreState(r);
    }

    private Checkpointable checkpointableEnvironment() {
        if (!(env instanceof Checkpointable c)) {
            throw new CheckpointException("the " + kind.id() + " environment kind cannot be checkpointed yet");
        }
        return c;
    }

    // ---- greedy evaluation

    @Override
    public double greedyReturn(FiniteSmdp model) {
        return PolicyEvaluation.ofViewPolicy(model, PolicyEvaluation.greedy(viewTable(model))).jValue();
    }

    @Override
    public double simulatedGreedyReturn(long episodes, long evaluationSeed) {
        HandoffEnvironment sim = kind.create(workflow);
        sim.reset(new Rng(evaluationSeed));
        StepOutcome o = new StepOutcome();
        double sum = 0;
        long done = 0;
        long guard = episodes * 10_000L;
        while (done < episodes && guard-- > 0) {
            int i = sim.nextDecision();
            sim.step(greedyAction(sim, i), o);
            if (o.episodeEnded) {
                sum += o.episodeReturn;
                done++;
            }
        }
        return done == 0 ? Double.NaN : sum / done;
    }

    // ---- where it is

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

    @Override
    public long episodes() {
        return stats.episodes();
    }

    @Override
    public long[] decisionsByAgent() {
        return stats.decisionsSoFar();
    }

    @Override
    public HandoffEnvironment environment() {
        return env;
    }
}
