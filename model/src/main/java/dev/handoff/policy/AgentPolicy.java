package dev.handoff.policy;

import dev.handoff.learn.neural.MlpMirror;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.AgentSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained agent policy, loaded from one exported file and usable on its own from Java code:
 * <pre>{@code
 * AgentPolicy verifier = AgentPolicy.load(Path.of("bundle/agents/a3.json"));
 * int action = verifier.act(new double[] {progress, difficulty}, busy);
 * String what = verifier.actionLabel(action);   // e.g. "thorough → a5"
 * }</pre>
 * It rebuilds the agent's interface map from the file, so it sees exactly what the agent saw in training. A neural
 * agent's network runs in plain Java (an {@link MlpMirror} rebuilt from the file's weights): acting needs no DJL.
 */
public final class AgentPolicy {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AgentPolicyFile file;
    private final InterfaceMap interfaceMap;
    private final int[] greedy;
    private final double[][] q;
    private final MlpMirror network;
    private final float[] encoded;
    private final float[] outputs;

    AgentPolicy(AgentPolicyFile file) throws BundleException {
        this.file = file;
        try {
            this.interfaceMap = InterfaceMap.compile(file.artifact(),
                    new AgentSpec(file.agentId(), file.agentName(), null, List.of(), file.privateState(), file.observation()));
        } catch (RuntimeException e) {
            throw new BundleException("agent " + file.agentId() + ": its interface observation cannot be rebuilt: " + e.getMessage());
        }
        if (interfaceMap.viewCount() != file.viewCount()) {
            throw new BundleException("agent " + file.agentId() + ": the file declares " + file.viewCount()
                    + " views but its interface observation has " + interfaceMap.viewCount());
        }
        if (file.network() != null) {
            try {
                this.network = file.network().toMirror();
            } catch (IllegalArgumentException e) {
                throw new BundleException("agent " + file.agentId() + ": its network is corrupted: " + e.getMessage());
            }
            if (network.inputSize() != interfaceMap.encodingSize() || network.outputSize() != file.actions().size()) {
                throw new BundleException("agent " + file.agentId() + ": its network maps " + network.inputSize() + " inputs to "
                        + network.outputSize() + " actions, but its interface encodes " + interfaceMap.encodingSize()
                        + " and it has " + file.actions().size() + " actions");
            }
            this.encoded = new float[network.inputSize()];
            this.outputs = new float[network.outputSize()];
            this.greedy = null;
            this.q = null;
            return;
        }
        this.network = null;
        this.encoded = null;
        this.outputs = null;
        this.greedy = new int[file.viewCount()];
        this.q = new double[file.viewCount()][];
        for (AgentPolicyFile.ViewRow row : file.views()) {
            if (row.key() < 0 || row.key() >= greedy.length || row.q() == null || row.q().length != file.actions().size()
                    || row.greedyAction() < 0 || row.greedyAction() >= file.actions().size()) {
                throw new BundleException("agent " + file.agentId() + ": view row " + row.key() + " is corrupted");
            }
            greedy[row.key()] = row.greedyAction();
            q[row.key()] = row.q();
        }
        for (int z = 0; z < q.length; z++) {
            if (q[z] == null) {
                throw new BundleException("agent " + file.agentId() + ": view " + z + " is missing");
            }
        }
    }

    /** Loads one agent's policy file. */
    public static AgentPolicy load(Path agentFile) throws BundleException {
        try {
            return new AgentPolicy(JSON.readValue(agentFile.toFile(), AgentPolicyFile.class));
        } catch (IOException e) {
            throw new BundleException("cannot read policy " + agentFile + ": " + e.getMessage());
        }
    }

    /** The greedy action for an artifact (features in the schema's order) and this agent's private state. */
    public int act(double[] features, int privateState) {
        if (network != null) {
            interfaceMap.encode(features, privateState, encoded, 0);
            return argmax(encoded);
        }
        return greedy[interfaceMap.key(features, privateState)];
    }

    /** Whether this is a neural agent (its actions come from a network rather than a table). */
    public boolean isNeural() {
        return network != null;
    }

    /**
     * Q(ψ(z), ·) of a neural agent for an encoded view (length {@link InterfaceMap#encodingSize()}), as the trained
     * network computes it; a copy.
     */
    public float[] networkOutputs(float[] encodedView) {
        if (network == null) {
            throw new IllegalStateException("agent " + agentId() + " is tabular: it has no network");
        }
        float[] out = new float[network.outputSize()];
        network.forward(encodedView, out);
        return out;
    }

    private int argmax(float[] z) {
        network.forward(z, outputs);
        int best = 0;
        for (int a = 1; a < outputs.length; a++) {
            if (outputs[a] > outputs[best]) { // ties to the lowest index, as in training
                best = a;
            }
        }
        return best;
    }

    private void encodeKey(int key) {
        int[] parts = interfaceMap.decode(key);
        java.util.Arrays.fill(encoded, 0f);
        int offset = 0;
        for (int t = 0; t < interfaceMap.termCount(); t++) {
            encoded[offset + parts[t]] = 1f;
            offset += interfaceMap.termCardinality(t);
        }
        if (interfaceMap.includesPrivateState()) {
            encoded[offset + parts[interfaceMap.termCount()]] = 1f;
        }
    }

    /** The greedy action for an artifact, with private state 0. */
    public int act(double[] features) {
        return act(features, 0);
    }

    /** The greedy action for an interface key (what the simulator computes with the same interface map). */
    public int actOnView(int key) {
        if (network != null) {
            encodeKey(key);
            return argmax(encoded);
        }
        return greedy[key];
    }

    /** The greedy action at a view and Q(z, ·) there (a fresh array). */
    public record Decision(int action, double[] q) {
        /** The scalar this agent sends back for work that reached it in this view: max over its actions of Q. */
        public double scalar() {
            double best = q[0];
            for (int a = 1; a < q.length; a++) {
                best = Math.max(best, q[a]);
            }
            return best;
        }
    }

    /** The greedy action and Q-values at interface key {@code key}; unlike {@link #act}, safe from many threads at once. */
    public Decision decide(int key) {
        if (key < 0 || key >= interfaceMap.viewCount()) {
            throw new IllegalArgumentException("view " + key + " outside 0.." + (interfaceMap.viewCount() - 1));
        }
        double[] values = new double[actionCount()];
        if (network != null) {
            synchronized (network) {
                encodeKey(key);
                network.forward(encoded, outputs);
                int best = 0;
                for (int a = 0; a < values.length; a++) {
                    values[a] = outputs[a];
                    if (outputs[a] > outputs[best]) {
                        best = a;
                    }
                }
                return new Decision(best, values);
            }
        }
        System.arraycopy(q[key], 0, values, 0, values.length);
        return new Decision(greedy[key], values);
    }

    public double q(int key, int action) {
        if (network != null) {
            encodeKey(key);
            network.forward(encoded, outputs);
            return outputs[action];
        }
        return q[key][action];
    }

    public String actionLabel(int action) {
        return file.actions().get(action);
    }

    public int actionCount() {
        return file.actions().size();
    }

    public int viewCount() {
        return interfaceMap.viewCount();
    }

    public String agentId() {
        return file.agentId();
    }

    /** The features this agent's interface reads, by name, as its service's requests and its traces give them. */
    public dev.handoff.observe.InterfaceFeatures interfaceFeatures() {
        return dev.handoff.observe.InterfaceFeatures.of(file.artifact(),
                new AgentSpec(file.agentId(), file.agentName(), null, List.of(), file.privateState(), file.observation()));
    }

    /** The agent's actions' labels, by index. */
    public List<String> actionLabels() {
        return file.actions();
    }

    /** "tabular" or "neural". */
    public String learner() {
        return file.learner();
    }

    public String agentName() {
        return file.agentName();
    }

    public InterfaceMap interfaceMap() {
        return interfaceMap;
    }

    AgentPolicyFile file() {
        return file;
    }
}
