package dev.handoff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.observe.InterfaceFeatures;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.policy.BundleException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one agent a service holds: its policy loaded from its own file in a bundle, and nothing of any other agent (of
 * {@code bundle.json} only the list of agent files is read). {@link #bundleHash()} identifies what is served: the
 * SHA-256 of {@code bundle.json} and of this agent's file.
 */
public final class ServedAgent {
    private final AgentPolicy policy;
    private final InterfaceFeatures features;
    private final String bundleHash;
    private final String workflowHash;

    private ServedAgent(AgentPolicy policy, String bundleHash, String workflowHash) {
        this.policy = policy;
        this.features = policy.interfaceFeatures();
        this.bundleHash = bundleHash;
        this.workflowHash = workflowHash;
    }

    /** Loads agent {@code agentId}'s policy from {@code bundle}; refuses an agent the bundle lacks, naming those it has. */
    public static ServedAgent load(Path bundle, String agentId) throws BundleException {
        Path manifest = bundle.resolve("bundle.json");
        if (!Files.isRegularFile(manifest)) {
            throw new BundleException(bundle + " is not a policy bundle (no bundle.json)");
        }
        byte[] manifestBytes;
        JsonNode agents;
        JsonNode root;
        try {
            manifestBytes = Files.readAllBytes(manifest);
            root = new ObjectMapper().readTree(manifestBytes);
            agents = root.path("agents");
        } catch (IOException e) {
            throw new BundleException("bundle.json is unreadable: " + e.getMessage());
        }
        List<String> ids = new ArrayList<>();
        String file = null;
        for (JsonNode a : agents) {
            ids.add(a.path("id").asText());
            if (agentId.equals(a.path("id").asText())) {
                file = a.path("file").asText(null);
            }
        }
        if (file == null) {
            throw new BundleException("the bundle has no agent \"" + agentId + "\" (it has " + ids + ")");
        }
        Path agentFile = bundle.resolve(file).normalize();
        if (!agentFile.startsWith(bundle.normalize())) {
            throw new BundleException("bundle.json points outside the bundle: " + file);
        }
        AgentPolicy policy = AgentPolicy.load(agentFile);
        if (!policy.agentId().equals(agentId)) {
            throw new BundleException(file + " holds agent " + policy.agentId() + ", bundle.json says " + agentId);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(manifestBytes);
            sha.update(Files.readAllBytes(agentFile));
            return new ServedAgent(policy, HexFormat.of().formatHex(sha.digest()), root.path("workflowHash").asText(null));
        } catch (IOException e) {
            throw new BundleException("cannot read " + agentFile + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public AgentPolicy policy() {
        return policy;
    }

    public InterfaceFeatures features() {
        return features;
    }

    public String agentId() {
        return policy.agentId();
    }

    public String bundleHash() {
        return bundleHash;
    }

    /** The hash of the workflow the bundle was trained on (from bundle.json), or null. */
    public String workflowHash() {
        return workflowHash;
    }
}
