package dev.handoff.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentProbe;
import dev.handoff.components.ViewEncodings;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.neural.NetworkFile;
import dev.handoff.learn.neural.NeuralQLearner;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.learn.neural.ScalarChannel;
import dev.handoff.learn.neural.ScalarMode;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.observe.InterfaceMaps;
import dev.handoff.workflow.HandoffGraph;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One seed of neural IC-Q on one workflow: the same wire as {@link SeedTrainer} (at each handoff i → j it asks j's
 * learner for the one scalar m and gives it to i's learner) for {@link NeuralQLearner}s, emitting the same
 * {@link TrainingWindow}s. In re-query mode j also keeps its view under a handoff id, and i's replay asks j through a
 * counted channel for a fresh scalar each time it samples that transition. Single threaded and deterministic for its
 * seed; reads the error components at exact multiples of its probe's cadence. Build it through {@link SeedRuns};
 * close it to free the networks.
 */
public final class NeuralSeedTrainer extends AbstractSeedTrainer {
    private static final String CHECKPOINT_MAGIC = "handoff-neural-checkpoint-1";
    /** Views per agent a Q snapshot evaluates (a tabular snapshot copies whole tables). */
    static final int MAX_SNAPSHOT_VIEWS = 4096;

    private final NeuralQLearner[] learners;
    private final NeuralSettings settings;
    private final int[][] edgeBetween;
    private final StepOutcome out = new StepOutcome();
    private final float[][] view;
    private final float[][] receiverView;
    private final float[][] greedyView;
    private final ScalarChannel[] channels;
    private final long[] requeryCount;
    private long scalarsSent;
    private FiniteSmdp encodedModel;
    private ViewEncodings encodings;
    private float[][][] snapshotViews;

    public NeuralSeedTrainer(Workflow workflow, EnvironmentKind kind, NeuralSettings settings, Algorithm algorithm,
                             long seed, long budget) {
        super(workflow, kind, algorithm, seed, budget, ProbeTiming.EXACT);
        this.settings = settings;
        int n = env.agentCount();
        this.learners = new NeuralQLearner[n];
        this.view = new float[n][];
        this.receiverView = new float[n][];
        this.greedyView = new float[n][];
        this.channels = new ScalarChannel[n];
        for (int i = 0; i < n; i++) {
            learners[i] = new NeuralQLearner(i, env.encodingSize(i), env.actionCount(i), workflow.training().gamma(),
                    settings, master.nextLong());
            view[i] = new float[env.encodingSize(i)];
            receiverView[i] = new float[env.encodingSize(i)];
            greedyView[i] = new float[env.encodingSize(i)];
        }
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
        HandoffGraph graph = HandoffGraph.of(w);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                edge[i][j] = graph.edgeIndex(w.agents().get(i).id(), w.agents().get(j).id());
            }
        }
        return edge;
    }

    @Override
    protected void runHandoffs(long count) {
        final HandoffEnvironment e = env;
        final NeuralQLearner[] ls = learners;
        final StepOutcome o = out;
        final boolean requery = settings.scalarMode() == ScalarMode.REQUERY;
        final double eps = currentEpsilon();
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
            if (WindowStats.isFault(td)) {
                stats.noteFault(i, interfaceMaps().get(i).keyOfEncoding(z), handoffs + k + 1, td);
            }
            stats.recordDecision(i, td);
            stats.recordScalar(i, a, m);
            if (o.episodeEnded) {
                stats.recordEpisode(o.episodeReturn);
            }
        }
        handoffs += count;
    }

    @Override
    protected ComponentProbe probeOf(ComponentAnalysis analysis) {
        return analysis.probe(settings.width(), seed);
    }

    /**
     * Reads the error components every {@code every} handoffs into {@code sink}: Q by global view is taken from the
     * learners' mirrors on {@code encodings} of {@code model}'s views.
     */
    public void attachProbe(ComponentProbe componentProbe, ViewEncodings viewEncodings, FiniteSmdp model, long every,
                            Consumer<dev.handoff.components.ComponentReading> sink) {
        encodedModel = model;
        encodings = viewEncodings;
        attachProbe(componentProbe, model, every, sink);
    }

    /** The learners' Q (online mirrors) by global view of a finite model, for exact comparison with Q̂ and Q*. */
    @Override
    public double[][] viewTable(FiniteSmdp model) {
        if (model != encodedModel) {
            encodings = ViewEncodings.of(workflow, model);
            encodedModel = model;
        }
        return viewTable(model, encodings);
    }

    /** The learners' Q (online mirrors) by global view of {@code model}, encoded by {@code viewEncodings}. */
    public double[][] viewTable(FiniteSmdp model, ViewEncodings viewEncodings) {
        double[][] table = new double[model.viewCount()][];
        for (int i = 0; i < learners.length; i++) {
            float[] q = new float[learners[i].actionCount()];
            for (int k = 0; k < model.viewCountOfAgent()[i]; k++) {
                int z = model.viewOffset()[i] + k;
                learners[i].qValues(viewEncodings.of(z), q);
                double[] row = new double[q.length];
                for (int a = 0; a < q.length; a++) {
                    row[a] = q[a];
                }
                table[z] = row;
            }
        }
        return table;
    }

    @Override
    public int greedyAction(HandoffEnvironment sim, int agent) {
        float[] z = greedyView[agent];
        sim.encodeView(z);
        return learners[agent].greedyAction(z);
    }

    /** Q of every interface view (up to {@link #MAX_SNAPSHOT_VIEWS} per agent) from the plain-Java mirrors. */
    @Override
    public QSnapshot snapshot() {
        if (snapshotViews == null) {
            snapshotViews = snapshotViews();
        }
        int n = learners.length;
        double[][] q = new double[n][];
        long[][] v = new long[n][];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            NeuralQLearner l = learners[i];
            int k = l.actionCount();
            float[] row = new float[k];
            q[i] = new double[snapshotViews[i].length * k];
            v[i] = new long[q[i].length]; // networks keep no visit counts
            for (int z = 0; z < snapshotViews[i].length; z++) {
                l.qValues(snapshotViews[i][z], row);
                for (int a = 0; a < k; a++) {
                    q[i][z * k + a] = row[a];
                }
            }
            actions[i] = k;
        }
        return new QSnapshot(algorithm, seed, handoffs, q, v, actions);
    }

    private float[][][] snapshotViews() {
        List<InterfaceMap> maps = interfaceMaps();
        float[][][] views = new float[maps.size()][][];
        for (int i = 0; i < maps.size(); i++) {
            int keys = Math.min(maps.get(i).viewCount(), MAX_SNAPSHOT_VIEWS);
            views[i] = new float[keys][];
            for (int k = 0; k < keys; k++) {
                views[i][k] = ViewEncodings.encode(maps.get(i), k);
            }
        }
        return views;
    }

    @Override
    public LearnedAgents learnedAgents() {
        return new LearnedAgents.Networks(dir -> writeNetworks(dir, workflow));
    }

    @Override
    protected String checkpointMagic() {
        return CHECKPOINT_MAGIC;
    }

    /** Every learner's whole state (see {@link NeuralQLearner#saveState}), then the re-query counters. */
    @Override
    protected void saveLearners(StateWriter w) {
        for (NeuralQLearner l : learners) {
            l.saveState(w);
        }
        w.putLongs(requeryCount).putLong(scalarsSent);
    }

    @Override
    protected void restoreLearners(StateReader r) {
        for (NeuralQLearner l : learners) {
            l.restoreState(r);
        }
        System.arraycopy(r.getLongs(requeryCount.length), 0, requeryCount, 0, requeryCount.length);
        scalarsSent = r.getLong();
    }

    @Override
    public void writeSettings(Path runDir) throws IOException {
        RunFolder.writeNeuralSettings(runDir, settings);
    }

    /** The trained networks, in {@code networks/<algo>-seed<N>/} of the run folder. */
    @Override
    public void writeArtifacts(Path runDir) throws IOException {
        writeNetworks(RunFolder.networksDir(runDir, algorithm, seed), workflow);
    }

    /**
     * Writes every agent's network into {@code dir}: {@code <id>-0000.params} (DJL) and {@code <id>.network.json}
     * (architecture and the weights the agent acts with, see {@link NetworkFile}).
     */
    public void writeNetworks(Path dir, Workflow w) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < learners.length; i++) {
            String stem = LearnedAgents.networkStem(w.agents().get(i).id());
            NetworkFile file = learners[i].writeNetwork(dir, stem);
            json.writeValue(dir.resolve(stem + ".network.json").toFile(), file);
        }
    }

    @Override
    public int agentCount() {
        return learners.length;
    }

    public NeuralQLearner learner(int agent) {
        return learners[agent];
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
