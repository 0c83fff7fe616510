package dev.handoff.train;

import dev.handoff.components.ComponentProbe;
import dev.handoff.components.ComponentReading;
import dev.handoff.components.ViewEncodings;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.PolicyEvaluation;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.learn.neural.ScalarChannel;
import dev.handoff.learn.neural.ScalarMode;
import dev.handoff.util.Rng;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One seed of neural IC-Q on one workflow: the same wire as {@link SeedTrainer} (at each handoff i → j it asks j's
 * learner for the one scalar m and gives it to i's learner) for {@link NeuralQLearner}s, emitting the same
 * {@link TrainingWindow}s. In re-query mode j also keeps its view under a handoff id, and i's replay asks j through a
 * counted channel for a fresh scalar each time it samples that transition. Single threaded and deterministic for its
 * seed; optionally reads the error components every K handoffs through a {@link ComponentProbe}.
 */
public final class NeuralSeedTrainer implements SeedRun, AutoCloseable {
    private final Algorithm algorithm;
    private final long seed;
    private final HandoffEnvironment env;
    private final NeuralQLearner[] learners;
    private final NeuralSettings settings;
    private final EpsilonSpec epsilon;
    private final long budget;
    private final int window;
    private final Rng actRng;
    private final Rng envRng;
    private final int[][] edgeBetween;
    private final StepOutcome out = new StepOutcome();
    private final float[][] view;
    private final float[][] receiverView;
    private final ScalarChannel[] channels;

    private long handoffs;
    private final WindowStats stats;
    private final long[] requeryCount;
    private long scalarsSent;

    private ComponentProbe probe;
    private ViewEncodings probeEncodings;
    private FiniteSmdp probeModel;
    private long probeEvery;
    private long nextProbe = Long.MAX_VALUE;
    private Consumer<ComponentReading> probeSink;

    /**
     * @param algorithm the label written into each window ({@code Algorithm.ICQ_NEURAL} once main has it)
     */
    public NeuralSeedTrainer(Workflow workflow, EnvironmentKind kind, NeuralSettings settings, Algorithm algorithm,
                             long seed, long budget) {
        TrainingSettings ts = workflow.training();
        this.algorithm = algorithm;
        this.seed = seed;
        this.budget = budget;
        this.settings = settings;
        this.window = ts.evaluationWindowOrDefault();
        this.epsilon = ts.epsilonOrDefault();
        this.env = kind.create(workflow);
        int n = env.agentCount();
        Rng master = new Rng(seed);
        this.envRng = master.split();
        this.actRng = master.split();
        this.learners = new NeuralQLearner[n];
        this.view = new float[n][];
        this.receiverView = new float[n][];
        this.channels = new ScalarChannel[n];
        for (int i = 0; i < n; i++) {
            learners[i] = new NeuralQLearner(i, env.encodingSize(i), env.actionCount(i), ts.gamma(), settings,
                    master.nextLong());
            view[i] = new float[env.encodingSize(i)];
            receiverView[i] = new float[env.encodingSize(i)];
        }
        env.reset(envRng);
        this.stats = new WindowStats(workflow, env);
        this.edgeBetween = edgesBetween(workflow, n);
        requeryCount = new long[workflow.handoffs().size()];
        for (int i = 0; i < n; i++) {
            final int sender = i;
            channels[i] = (receiver, id) -> {
                int e = edgeBetween[sender][receiver];
                if (e >= 0) {
                    requeryCount[e]++;
                }
                scalarsSent++;
                return learners[receiver].requeryScalar(id);
            };
        }
    }

    private static int[][] edgesBetween(Workflow w, int n) {
        int[][] edge = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                edge[i][j] = WindowStats.edgeBetween(w, w.agents().get(i).id(), w.agents().get(j).id());
            }
        }
        return edge;
    }


    /**
     * Reads the error components every {@code every} handoffs (at window-aligned points of the run) into {@code sink}:
     * Q by global view is taken from the learners' mirrors on {@code encodings} of {@code model}'s views.
     */
    public void attachProbe(ComponentProbe componentProbe, ViewEncodings encodings, FiniteSmdp model, long every,
                            Consumer<ComponentReading> sink) {
        if (every < 1) {
            throw new IllegalArgumentException("probe cadence must be at least 1 handoff");
        }
        this.probe = componentProbe;
        this.probeEncodings = encodings;
        this.probeModel = model;
        this.probeEvery = every;
        this.probeSink = sink;
        this.nextProbe = (handoffs / every + 1) * every;
    }

    @Override
    public boolean runUntil(long target, Consumer<TrainingWindow> sink) {
        long end = Math.min(target, budget);
        while (handoffs < end) {
            long windowEnd = Math.min(end, (handoffs / window + 1) * window);
            windowEnd = Math.min(windowEnd, nextProbe);
            runHandoffs(windowEnd - handoffs);
            if (handoffs == nextProbe) {
                probeSink.accept(probe.reading(seed, handoffs, viewTable(probeModel, probeEncodings)));
                nextProbe += probeEvery;
            }
            if (handoffs % window == 0 || handoffs == budget) {
                TrainingWindow w = stats.close(algorithm, seed, handoffs, epsilon.at((handoffs - 1) / window * window));
                if (sink != null) {
                    sink.accept(w);
                }
                if (stats.divergence() != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private void runHandoffs(long count) {
        final HandoffEnvironment e = env;
        final NeuralQLearner[] ls = learners;
        final StepOutcome o = out;
        final boolean requery = settings.scalarMode() == ScalarMode.REQUERY;
        final double eps = epsilon.at(handoffs / window * window);
        for (long k = 0; k < count; k++) {
            int i = e.nextDecision();
            float[] z = view[i];
            e.encodeView(z);
            int a = ls[i].act(z, eps, actRng);
            e.step(a, o);
            double m;
            long id = -1;
            int j = o.receiver;
            if (j == HandoffEnvironment.STOP) {
                m = o.terminalReward;
            } else {
                float[] z2 = receiverView[j];
                e.encodeReceiverView(z2);
                m = ls[j].handoffScalar(z2);
                scalarsSent++;
                if (requery) {
                    id = ls[j].keepReceivedView(z2);
                }
            }
            double td = ls[i].observe(z, a, o.reward, o.tau, m, j == HandoffEnvironment.STOP, j, id, channels[i]);
            stats.recordDecision(i, td);
            stats.recordScalar(i, a, m);
            if (o.episodeEnded) {
                stats.recordEpisode(o.episodeReturn);
            }
        }
        handoffs += count;
    }

    /** The learners' Q (online mirrors) by global view of a finite model, for exact comparison with Q̂ and Q*. */
    public double[][] viewTable(FiniteSmdp model, ViewEncodings encodings) {
        double[][] table = new double[model.viewCount()][];
        for (int i = 0; i < learners.length; i++) {
            float[] q = new float[learners[i].actionCount()];
            for (int k = 0; k < model.viewCountOfAgent()[i]; k++) {
                int z = model.viewOffset()[i] + k;
                learners[i].qValues(encodings.of(z), q);
                double[] row = new double[q.length];
                for (int a = 0; a < q.length; a++) {
                    row[a] = q[a];
                }
                table[z] = row;
            }
        }
        return table;
    }

    /** J of the learners' greedy decentralised policy, evaluated exactly on a finite model. */
    public double greedyReturn(FiniteSmdp model, ViewEncodings encodings) {
        return PolicyEvaluation.ofViewPolicy(model, PolicyEvaluation.greedy(viewTable(model, encodings))).jValue();
    }

    /**
     * Mean episode return of the greedy policy over {@code episodes} simulated episodes (no exploration, no learning),
     * for kinds without a finite model.
     */
    public double simulatedGreedyReturn(Workflow workflow, EnvironmentKind kind, long episodes, long evaluationSeed) {
        HandoffEnvironment sim = kind.create(workflow);
        sim.reset(new Rng(evaluationSeed));
        StepOutcome o = new StepOutcome();
        double sum = 0;
        long done = 0;
        long guard = episodes * 10_000L;
        while (done < episodes && guard-- > 0) {
            int i = sim.nextDecision();
            float[] z = view[i];
            sim.encodeView(z);
            sim.step(learners[i].greedyAction(z), o);
            if (o.episodeEnded) {
                sum += o.episodeReturn;
                done++;
            }
        }
        return done == 0 ? Double.NaN : sum / done;
    }

    private static final String CHECKPOINT_MAGIC = "handoff-neural-checkpoint-1";

    /**
     * Writes everything this seed's run depends on: counters, window accumulators, both RNGs, every learner's whole
     * state (see {@link NeuralQLearner#saveState}) and the simulator.
     */
    public void saveState(dev.handoff.checkpoint.StateWriter w) {
        if (!(env instanceof dev.handoff.checkpoint.Checkpointable c)) {
            throw new dev.handoff.checkpoint.CheckpointException("this environment kind cannot be checkpointed yet");
        }
        w.putString(CHECKPOINT_MAGIC).putString(algorithm.cliName()).putLong(seed).putInt(learners.length);
        w.putLong(handoffs);
        stats.save(w);
        w.putLongs(actRng.state()).putLongs(envRng.state());
        for (NeuralQLearner l : learners) {
            l.saveState(w);
        }
        w.putLongs(requeryCount).putLong(scalarsSent);
        c.saveState(w);
    }

    /** Restores a state written by {@link #saveState} for the same workflow, settings and seed. */
    public void restoreState(dev.handoff.checkpoint.StateReader r) {
        if (!(env instanceof dev.handoff.checkpoint.Checkpointable c)) {
            throw new dev.handoff.checkpoint.CheckpointException("this environment kind cannot be checkpointed yet");
        }
        if (!CHECKPOINT_MAGIC.equals(r.getString())) {
            throw new dev.handoff.checkpoint.CheckpointException("not a neural Handoff Workbench checkpoint");
        }
        String algo = r.getString();
        long s = r.getLong();
        int agents = r.getInt();
        if (!algo.equals(algorithm.cliName()) || s != seed || agents != learners.length) {
            throw new dev.handoff.checkpoint.CheckpointException("the checkpoint is of " + algo + " seed " + s + " with " + agents
                    + " agents, not " + algorithm.cliName() + " seed " + seed + " with " + learners.length);
        }
        handoffs = r.getLong();
        stats.restore(r);
        actRng.restore(r.getLongs(4));
        envRng.restore(r.getLongs(4));
        for (NeuralQLearner l : learners) {
            l.restoreState(r);
        }
        System.arraycopy(r.getLongs(requeryCount.length), 0, requeryCount, 0, requeryCount.length);
        scalarsSent = r.getLong();
        c.restoreState(r);
    }

    /** File name stem of an agent's network files: its id with anything but letters, digits, '.', '_', '-' replaced. */
    public static String networkStem(String agentId) {
        return agentId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes every agent's network into {@code dir}: {@code <id>-0000.params} (DJL) and {@code <id>.network.json}
     * (architecture and the weights the agent acts with, see {@link dev.handoff.learn.neural.NetworkFile}).
     */
    public void writeNetworks(java.nio.file.Path dir, Workflow workflow) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < learners.length; i++) {
            String stem = networkStem(workflow.agents().get(i).id());
            dev.handoff.learn.neural.NetworkFile file = learners[i].writeNetwork(dir, stem);
            json.writeValue(dir.resolve(stem + ".network.json").toFile(), file);
        }
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

    /** Episodes finished so far: artifacts handed to STOP (part of the checkpointed window statistics). */
    public long episodes() {
        return stats.episodes();
    }

    public HandoffEnvironment environment() {
        return env;
    }

    public NeuralQLearner learner(int agent) {
        return learners[agent];
    }

    public int agentCount() {
        return learners.length;
    }

    public NeuralSettings settings() {
        return settings;
    }

    /** Scalars that crossed an agent boundary so far: one per handoff to an agent, plus one per re-query. */
    public long scalarsSent() {
        return scalarsSent;
    }

    /** Re-queries so far by handoff edge (workflow {@code handoffs} order); all zero in stored mode. */
    public long[] requeriesByEdge() {
        return requeryCount.clone();
    }

    /** Frees the agents' DJL networks. */
    @Override
    public void close() {
        for (NeuralQLearner l : learners) {
            l.close();
        }
    }
}
