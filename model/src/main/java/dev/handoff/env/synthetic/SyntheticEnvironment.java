package dev.handoff.env.synthetic;

import dev.handoff.checkpoint.Checkpointable;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.JointStateAccess;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;

/**
 * The simulator of the synthetic IC-SMDP (ICQ.md §5): one artifact (g visible progress, h hidden difficulty) handed
 * around the workflow graph; a continuing task that resets after STOP, with h carried over through resets.
 */
public final class SyntheticEnvironment implements HandoffEnvironment, JointStateAccess, Checkpointable {
    /** Artifact feature order of this kind's schema. */
    static final int PROGRESS = 0;
    static final int DIFFICULTY = 1;

    private final SyntheticParameters params;
    private final SyntheticWorkflowGraph graph;
    private final double gamma;
    private final double logGamma;
    private final double[] features = new double[2];
    private final SyntheticStepTables tables;

    private Rng rng;
    private int c;
    private int g;
    private int h;
    private int p;
    private double episodeDiscount;
    private double episodeReturn;
    /** The holder's interface key of the current state, or −1: the receiver's key after a handoff is the next decision's. */
    private int cachedKey = -1;

    SyntheticEnvironment(SyntheticParameters params, SyntheticWorkflowGraph graph, double gamma) {
        this.params = params;
        this.graph = graph;
        this.gamma = gamma;
        this.logGamma = Math.log(gamma);
        this.tables = new SyntheticStepTables(params, graph, gamma, logGamma);
    }

    @Override
    public int agentCount() {
        return graph.agents;
    }

    @Override
    public int actionCount(int agent) {
        return graph.actionCount(agent);
    }

    @Override
    public int target(int agent, int action) {
        return graph.target(agent, action);
    }

    @Override
    public String actionLabel(int agent, int action, java.util.List<String> agentIds) {
        int j = graph.target(agent, action);
        return (graph.option(agent, action) == 0 ? "quick" : "thorough") + " → " + (j == STOP ? "STOP" : agentIds.get(j));
    }

    @Override
    public int viewCount(int agent) {
        return graph.interfaces[agent].viewCount();
    }

    @Override
    public int encodingSize(int agent) {
        return graph.interfaces[agent].encodingSize();
    }

    @Override
    public void reset(Rng random) {
        this.rng = random;
        h = rng.nextInt(params.difficultyLevels());
        resetTask();
    }

    /** The reset law: c ~ U{0..n−1}, g ~ U{0..G−2}, p ~ Bernoulli(β); h is kept. */
    private void resetTask() {
        c = rng.nextInt(graph.agents);
        g = rng.nextInt(params.progressLevels() - 1);
        p = rng.bernoulli(params.busyProbability()) ? 1 : 0;
        episodeDiscount = 1;
        episodeReturn = 0;
        cachedKey = -1;
    }

    /** Puts the artifact in joint state (c, g, h, p) for a fresh episode (tests compare the simulator with the model). */
    void place(int agent, int progress, int difficulty, int busy) {
        c = agent;
        g = progress;
        h = difficulty;
        p = busy;
        episodeDiscount = 1;
        episodeReturn = 0;
        cachedKey = -1;
    }

    @Override
    public int nextDecision() {
        return c;
    }

    @Override
    public int viewKey() {
        if (cachedKey < 0) {
            int key = tables.viewKeys[c][tables.viewIndex(g, h, p)];
            if (key < 0) {
                features[PROGRESS] = g;
                features[DIFFICULTY] = h;
                key = graph.interfaces[c].key(features, p); // the map refuses this state: let it say why
            }
            cachedKey = key;
        }
        return cachedKey;
    }

    @Override
    public void encodeView(float[] out) {
        features[PROGRESS] = g;
        features[DIFFICULTY] = h;
        graph.interfaces[c].encode(features, p, out, 0);
    }

    @Override
    public void step(int action, StepOutcome out) {
        final SyntheticStepTables t = tables;
        int at = t.actionBase[c] + action;
        if (action < 0 || at >= t.actionBase[c + 1]) {
            throw new IllegalArgumentException("agent " + c + " has no action " + action);
        }
        int o = t.optionOf[at];
        int j = t.targetOf[at];
        int d = t.durationIndex(o, p, h);
        int tau = t.endsAtOnce[d] ? 1 : 1 + (int) Math.floor(Math.log(1 - rng.nextDouble()) / t.logOneMinusQ[d]);
        double gammaTau;
        double reward;
        if (tau >= 0 && tau < SyntheticStepTables.TAU_TABLE) {
            gammaTau = t.gammaTau[tau];
            reward = t.reward[tau];
        } else {
            gammaTau = Math.exp(logGamma * tau);
            reward = params.optionReward(gamma, gammaTau);
        }
        int gNext = g;
        if (rng.nextDouble() < t.progress[c][t.progressIndex(o, g, h)]) {
            gNext = g + 1;
        }
        int hBefore = h;
        cachedKey = -1;
        if (rng.nextDouble() < params.eta()) {
            h = rng.nextInt(params.difficultyLevels());
        }
        out.agent = c;
        out.action = action;
        out.reward = reward;
        out.tau = tau;
        out.receiver = j;
        episodeReturn += episodeDiscount * reward;
        episodeDiscount *= gammaTau;
        if (j == STOP) {
            double terminal = t.terminal[t.terminalIndex(gNext, hBefore)];
            out.terminalReward = terminal;
            out.episodeEnded = true;
            out.episodeReturn = episodeReturn + episodeDiscount * terminal;
            resetTask();
        } else {
            out.terminalReward = 0;
            out.episodeEnded = false;
            out.episodeReturn = 0;
            c = j;
            g = gNext;
            p = rng.bernoulli(params.busyProbability()) ? 1 : 0;
        }
    }

    @Override
    public int receiverViewKey() {
        return viewKey();
    }

    @Override
    public void encodeReceiverView(float[] out) {
        encodeView(out);
    }

    /** The artifact and episode accumulators (the RNG is the trainer's, saved by it). */
    @Override
    public void saveState(StateWriter out) {
        out.putInt(c).putInt(g).putInt(h).putInt(p).putDouble(episodeDiscount).putDouble(episodeReturn);
    }

    @Override
    public void restoreState(StateReader in) {
        c = in.getInt();
        g = in.getInt();
        h = in.getInt();
        p = in.getInt();
        episodeDiscount = in.getDouble();
        episodeReturn = in.getDouble();
        cachedKey = -1;
        if (c < 0 || c >= graph.agents || g < 0 || g >= params.progressLevels() || h < 0 || h >= params.difficultyLevels()
                || p < 0 || p > 1) {
            throw new dev.handoff.checkpoint.CheckpointException("the checkpoint's artifact state does not fit this workflow");
        }
    }

    @Override
    public JointStateAccess jointStateAccess() {
        return this;
    }

    @Override
    public int jointStateCount() {
        return SyntheticModel.jointStateCount(graph.agents, params);
    }

    @Override
    public int jointStateKey() {
        return SyntheticModel.jointState(c, g, h, p, params);
    }

    @Override
    public int receiverJointStateKey() {
        return jointStateKey();
    }
}
