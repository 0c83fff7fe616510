package dev.handoff.policy;

import dev.handoff.input.InputException;
import dev.handoff.input.JsonInput;
import dev.handoff.learn.neural.MlpMirror;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowValidator;

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
    private final AgentPolicyFile file;
    private final InterfaceMap interfaceMap;
    private final int[] greedy;
    private final double[][] q;
    private final MlpMirror network;
    private final float[] encoded;
    private final float[] outputs;

    /** A policy read from {@code source} (named in every refusal, with the JSON Pointer of the problem). */
    AgentPolicy(AgentPolicyFile file, String source) throws BundleException {
        this.file = file;
        if (file.agentId() == null || file.actions() == null || file.actions().isEmpty() || file.actions().contains(null)) {
            throw new BundleException(source + (file.agentId() == null ? "#/agentId: the policy names no agent"
                    : "#/actions: the policy lists no actions"));
        }
        AgentSpec spec = new AgentSpec(file.agentId(), file.agentName(), null, List.of(), file.privateState(), file.observation());
        Problem wrong = observationProblem(file.artifact(), spec);
        if (wrong != null) {
            throw new BundleException(source + "#" + wrong.path() + ": " + wrong.message());
        }
        try {
            this.interfaceMap = InterfaceMap.compile(file.artifact(), spec);
        } catch (IllegalArgumentException e) {
            throw new BundleException(source + "#/observation: the interface observation cannot be rebuilt: "
                    + InputException.oneLine(e.getMessage()));
        }
        if (interfaceMap.viewCount() != file.viewCount()) {
            throw new BundleException(source + "#/viewCount: the file declares " + file.viewCount()
                    + " views but its interface observation has " + interfaceMap.viewCount());
        }
        if (file.network() != null) {
            try {
                this.network = file.network().toMirror();
            } catch (IllegalArgumentException e) {
                throw new BundleException(source + "#/network: the network is corrupted: " + InputException.oneLine(e.getMessage()));
            }
            if (network.inputSize() != interfaceMap.encodingSize() || network.outputSize() != file.actions().size()) {
                throw new BundleException(source + "#/network: the network maps " + network.inputSize() + " inputs to "
                        + network.outputSize() + " actions, but the interface encodes " + interfaceMap.encodingSize()
                        + " and the policy has " + file.actions().size() + " actions");
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
        List<AgentPolicyFile.ViewRow> views = file.views() == null ? List.of() : file.views();
        if (views.size() != file.viewCount()) { // checked before allocating a table of the declared size
            throw new BundleException(source + "#/views: the file lists " + views.size() + " views, its interface has "
                    + file.viewCount());
        }
        this.greedy = new int[file.viewCount()];
        this.q = new double[file.viewCount()][];
        for (int r = 0; r < views.size(); r++) {
            AgentPolicyFile.ViewRow row = views.get(r);
            String where = source + "#/views/" + r;
            if (row == null) {
                throw new BundleException(where + ": null is not a view row");
            }
            if (row.key() < 0 || row.key() >= greedy.length || q[row.key()] != null) {
                throw new BundleException(where + "/key: key " + row.key() + (row.key() < 0 || row.key() >= greedy.length
                        ? " is outside 0.." + (greedy.length - 1) : " is listed twice"));
            }
            if (row.q() == null || row.q().length != file.actions().size()) {
                throw new BundleException(where + "/q: expected " + file.actions().size() + " Q-values (one per action), found "
                        + (row.q() == null ? "none" : row.q().length));
            }
            if (row.greedyAction() < 0 || row.greedyAction() >= file.actions().size()) {
                throw new BundleException(where + "/greedyAction: action " + row.greedyAction() + " is outside 0.."
                        + (file.actions().size() - 1));
            }
            greedy[row.key()] = row.greedyAction();
            q[row.key()] = row.q();
        }
    }

    /**
     * The first problem of the file's artifact schema, private state or interface observation, by the workflow
     * validator's own rules (an agent alone in a workflow), at its path in the policy file; null when they compile.
     */
    private static Problem observationProblem(ArtifactSchema artifact, AgentSpec spec) {
        if (artifact == null) {
            return new Problem("/artifact", "the policy file has no artifact schema");
        }
        Workflow alone = new Workflow(Workflow.FORMAT_VERSION, null, "policy", null, artifact, List.of(spec), List.of(), null,
                null, null);
        for (Problem p : new WorkflowValidator().validate(alone)) {
            if (p.path().startsWith("/artifact")) {
                return p;
            }
            for (String part : List.of("/observation", "/privateState")) {
                if (p.path().startsWith("/agents/0" + part)) {
                    return new Problem(p.path().substring("/agents/0".length()), p.message());
                }
            }
        }
        return null;
    }

    /** Loads one agent's policy file. */
    public static AgentPolicy load(Path agentFile) throws BundleException {
        String source = agentFile.toString();
        try {
            return new AgentPolicy(JsonInput.read(agentFile, AgentPolicyFile.class, source), source);
        } catch (InputException e) {
            throw new BundleException(e.getMessage());
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
