package dev.handoff.policy;

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
 * It rebuilds the agent's interface map from the file, so it sees exactly what the agent saw in training.
 */
public final class AgentPolicy {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final AgentPolicyFile file;
    private final InterfaceMap interfaceMap;
    private final int[] greedy;
    private final double[][] q;

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
        return greedy[interfaceMap.key(features, privateState)];
    }

    /** The greedy action for an artifact, with private state 0. */
    public int act(double[] features) {
        return act(features, 0);
    }

    /** The greedy action for an interface key (what the simulator computes with the same interface map). */
    public int actOnView(int key) {
        return greedy[key];
    }

    public double q(int key, int action) {
        return q[key][action];
    }

    public String actionLabel(int action) {
        return file.actions().get(action);
    }

    public int actionCount() {
        return file.actions().size();
    }

    public int viewCount() {
        return greedy.length;
    }

    public String agentId() {
        return file.agentId();
    }

    public InterfaceMap interfaceMap() {
        return interfaceMap;
    }

    AgentPolicyFile file() {
        return file;
    }
}
