package dev.handoff.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.components.ViewEncodings;
import dev.handoff.input.InputException;
import dev.handoff.input.JsonInput;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.learn.neural.MlpMirror;
import dev.handoff.learn.neural.NetworkFile;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.train.Algorithm;
import dev.handoff.train.LearnedAgents;
import dev.handoff.train.RunFolder;
import dev.handoff.train.SeedRun;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.AppVersion;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder of exported decentralised policies: {@code bundle.json} plus one self-describing file per agent
 * ({@code agents/<id>.json}, and {@code agents/<id>.csv} for spreadsheets). Each agent's policy loads on its own
 * ({@link AgentPolicy#load}); the whole bundle loads with {@link #load} and is checked against a workflow with
 * {@link #differencesFrom}.
 */
public final class PolicyBundle {
    public static final int FORMAT = 1;
    /** Neural agents with at most this many views list their greedy action per view in the agent file. */
    static final int MAX_LISTED_VIEWS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BundleManifest manifest;
    private final List<AgentPolicy> agents;

    private PolicyBundle(BundleManifest manifest, List<AgentPolicy> agents) {
        this.manifest = manifest;
        this.agents = List.copyOf(agents);
    }

    /**
     * Exports the trained policies of one seed of a run folder (IC-Q or independent runs: the oracle is centralised):
     * a neural seed's networks as training wrote them at the end, else the seed as its last checkpoint left it.
     */
    public static Path export(RunFolder run, long seed, Path out, boolean csv) throws IOException, BundleException {
        if (run.algorithm() == Algorithm.ORACLE) {
            throw new BundleException(ORACLE_REFUSED);
        }
        if (!run.seeds().contains(seed)) {
            throw new BundleException("the run in " + run.dir() + " has no seed " + seed + " (seeds: " + run.seeds() + ")");
        }
        String runId = run.dir().getFileName().toString();
        Path networks = RunFolder.networksDir(run.dir(), run.algorithm(), seed);
        if (run.algorithm() == Algorithm.ICQ_NEURAL && Files.isDirectory(networks)) {
            HandoffEnvironment env = run.kind().create(run.workflow());
            return exportNeural(run.workflow(), env, networks, runId, seed, run.algorithm().cliName(), run.handoffs(), out, csv);
        }
        try (SeedRun trainer = run.restore(seed, run.handoffs())) {
            return export(run.workflow(), trainer, runId, out, csv);
        }
    }

    private static final String ORACLE_REFUSED = "the oracle learns on the joint state, which no deployed agent sees: "
            + "export an icq-tabular, independent or icq-neural run";

    /** Exports the learners of a trained seed: its Q tables, or its networks. */
    public static Path export(Workflow w, SeedRun trainer, String runId, Path out, boolean csv) throws IOException, BundleException {
        LearnedAgents agents = trainer.learnedAgents();
        if (agents instanceof LearnedAgents.Networks networks) {
            Path dir = out.resolve("agents");
            networks.writeTo(dir);
            return exportNeural(w, trainer.environment(), dir, runId, trainer.seed(), trainer.algorithm().cliName(),
                    trainer.handoffs(), out, csv);
        }
        LearnedAgents.Tables tables = (LearnedAgents.Tables) agents;
        if (tables.jointState()) {
            throw new BundleException(ORACLE_REFUSED);
        }
        Files.createDirectories(out.resolve("agents"));
        HandoffEnvironment env = trainer.environment();
        List<String> ids = w.agents().stream().map(AgentSpec::id).toList();
        List<BundleManifest.AgentEntry> entries = new ArrayList<>();
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec spec = w.agents().get(i);
            TabularQLearner learner = tables.learners().get(i);
            InterfaceMap map = InterfaceMap.compile(w.artifact(), spec);
            List<String> actions = new ArrayList<>();
            for (int a = 0; a < env.actionCount(i); a++) {
                actions.add(env.actionLabel(i, a, ids));
            }
            List<AgentPolicyFile.ViewRow> rows = new ArrayList<>();
            for (int z = 0; z < map.viewCount(); z++) {
                double[] q = new double[actions.size()];
                long[] visits = new long[actions.size()];
                for (int a = 0; a < q.length; a++) {
                    q[a] = learner.q(z, a);
                    visits[a] = learner.visits(z, a);
                }
                rows.add(new AgentPolicyFile.ViewRow(z, map.describe(z), learner.greedyAction(z), q, visits));
            }
            AgentPolicyFile file = new AgentPolicyFile(FORMAT, spec.id(), spec.name(), "tabular", w.artifact(),
                    spec.privateState(), spec.observation(), actions, map.viewCount(), rows, null);
            String name = "agents/" + fileName(spec.id());
            JSON.writeValue(out.resolve(name + ".json").toFile(), file);
            if (csv) {
                writeCsv(out.resolve(name + ".csv"), file);
            }
            entries.add(new BundleManifest.AgentEntry(spec.id(), name + ".json"));
        }
        BundleManifest manifest = new BundleManifest(FORMAT, AppVersion.writtenBy(), WorkflowHash.of(w), runId, trainer.seed(),
                trainer.algorithm().cliName(), trainer.handoffs(), entries, JSON.readTree(WorkflowJson.write(w)));
        JSON.writeValue(out.resolve("bundle.json").toFile(), manifest);
        return out;
    }

    /**
     * Writes a bundle from the networks in {@code networksDir} ({@code <id>.network.json} and the DJL parameters file
     * per agent): each agent file embeds the architecture and weights, and the DJL file is copied beside it.
     */
    static Path exportNeural(Workflow w, HandoffEnvironment env, Path networksDir, String runId, long seed, String algorithm,
                             long handoffs, Path out, boolean csv) throws IOException, BundleException {
        Path agentsDir = Files.createDirectories(out.resolve("agents"));
        List<String> ids = w.agents().stream().map(AgentSpec::id).toList();
        List<BundleManifest.AgentEntry> entries = new ArrayList<>();
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec spec = w.agents().get(i);
            String stem = fileName(spec.id());
            Path description = networksDir.resolve(stem + ".network.json");
            NetworkFile network;
            try {
                network = JSON.readValue(description.toFile(), NetworkFile.class);
            } catch (IOException e) {
                throw new BundleException("cannot read the network of agent " + spec.id() + " (" + description + "): " + e.getMessage());
            }
            Path params = networksDir.resolve(network.parametersFile());
            if (!Files.isRegularFile(params)) {
                throw new BundleException("the DJL parameters of agent " + spec.id() + " are missing: " + params);
            }
            if (!Files.isSameFile(networksDir, agentsDir)) {
                Files.copy(params, agentsDir.resolve(network.parametersFile()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            InterfaceMap map = InterfaceMap.compile(w.artifact(), spec);
            List<String> actions = new ArrayList<>();
            for (int a = 0; a < env.actionCount(i); a++) {
                actions.add(env.actionLabel(i, a, ids));
            }
            List<AgentPolicyFile.ViewRow> rows = new ArrayList<>();
            if (map.viewCount() <= MAX_LISTED_VIEWS) {
                MlpMirror mirror;
                try {
                    mirror = network.toMirror();
                } catch (IllegalArgumentException e) {
                    throw new BundleException("agent " + spec.id() + ": its network is corrupted: " + e.getMessage());
                }
                float[] outputs = new float[mirror.outputSize()];
                for (int z = 0; z < map.viewCount(); z++) {
                    mirror.forward(ViewEncodings.encode(map, z), outputs);
                    double[] q = new double[outputs.length];
                    int best = 0;
                    for (int a = 0; a < q.length; a++) {
                        q[a] = outputs[a];
                        if (outputs[a] > outputs[best]) {
                            best = a;
                        }
                    }
                    rows.add(new AgentPolicyFile.ViewRow(z, map.describe(z), best, q, null));
                }
            }
            AgentPolicyFile file = new AgentPolicyFile(FORMAT, spec.id(), spec.name(), "neural", w.artifact(),
                    spec.privateState(), spec.observation(), actions, map.viewCount(), rows, network);
            String name = "agents/" + fileName(spec.id());
            JSON.writeValue(out.resolve(name + ".json").toFile(), file);
            if (csv && !rows.isEmpty()) {
                writeCsv(out.resolve(name + ".csv"), file);
            }
            if (Files.isSameFile(networksDir, agentsDir)) {
                Files.delete(description); // embedded in the agent file now
            }
            entries.add(new BundleManifest.AgentEntry(spec.id(), name + ".json"));
        }
        BundleManifest manifest = new BundleManifest(FORMAT, AppVersion.writtenBy(), WorkflowHash.of(w), runId, seed,
                algorithm, handoffs, entries, JSON.readTree(WorkflowJson.write(w)));
        JSON.writeValue(out.resolve("bundle.json").toFile(), manifest);
        return out;
    }

    private static String fileName(String id) {
        return LearnedAgents.networkStem(id);
    }

    private static void writeCsv(Path file, AgentPolicyFile f) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("key,view,greedy_action,greedy_label");
            for (String a : f.actions()) {
                h.append(",\"q[").append(a.replace("\"", "'")).append("]\"");
            }
            out.write(h.append('\n').toString());
            for (AgentPolicyFile.ViewRow r : f.views()) {
                StringBuilder line = new StringBuilder();
                line.append(r.key()).append(",\"").append(r.view().replace("\"", "'")).append("\",").append(r.greedyAction())
                        .append(",\"").append(f.actions().get(r.greedyAction()).replace("\"", "'")).append('"');
                for (double q : r.q()) {
                    line.append(',').append(String.format(Locale.ROOT, "%.9g", q));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /**
     * Loads a bundle folder; every agent file must be present and intact. A failure names the file and the JSON Pointer
     * of the problem in one line ({@code bundle/agents/a0.json#/views/3/q/0: expected a number, found the string "NaN"}).
     */
    public static PolicyBundle load(Path dir) throws BundleException {
        Path manifestFile = dir.resolve("bundle.json");
        String manifestName = manifestFile.toString();
        if (!Files.isDirectory(dir)) {
            throw new BundleException(dir + ": " + (Files.exists(dir) ? "is a file, not a policy bundle folder"
                    : "no such policy bundle folder"));
        }
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(dir + ": not a policy bundle (no bundle.json)");
        }
        BundleManifest manifest;
        try {
            manifest = JsonInput.read(manifestFile, BundleManifest.class, manifestName);
        } catch (InputException e) {
            throw new BundleException(e.getMessage());
        }
        if (manifest.bundleFormat() > FORMAT) {
            throw new BundleException(manifestName + "#/bundleFormat: bundle format " + manifest.bundleFormat()
                    + " is newer than this build knows (" + FORMAT + ")");
        }
        if (manifest.agents() == null || manifest.agents().isEmpty()) {
            throw new BundleException(manifestName + "#/agents: the bundle lists no agents");
        }
        List<AgentPolicy> agents = new ArrayList<>();
        for (int i = 0; i < manifest.agents().size(); i++) {
            BundleManifest.AgentEntry e = manifest.agents().get(i);
            String where = manifestName + "#/agents/" + i;
            if (e == null || e.id() == null || e.file() == null) {
                throw new BundleException(where + ": an agent entry needs an \"id\" and a \"file\"");
            }
            Path file;
            try {
                file = dir.resolve(e.file()).normalize();
            } catch (java.nio.file.InvalidPathException bad) {
                throw new BundleException(where + "/file: not a file name: " + InputException.oneLine(bad.getMessage()));
            }
            if (!file.startsWith(dir.normalize())) {
                throw new BundleException(where + "/file: points outside the bundle: " + e.file());
            }
            AgentPolicy p = AgentPolicy.load(file);
            if (!p.agentId().equals(e.id())) {
                throw new BundleException(where + "/id: " + e.file() + " holds agent " + p.agentId() + ", bundle.json says "
                        + e.id());
            }
            agents.add(p);
        }
        return new PolicyBundle(manifest, agents);
    }

    /**
     * What stops this bundle from driving {@code w}: agents missing or extra, interface observations, private state,
     * artifact schema or actions that differ. Empty when it fits.
     */
    public List<String> differencesFrom(Workflow w, HandoffEnvironment env) {
        List<String> diffs = new ArrayList<>();
        List<String> ids = w.agents().stream().map(AgentSpec::id).toList();
        List<String> bundleIds = agents.stream().map(AgentPolicy::agentId).toList();
        if (!ids.equals(bundleIds)) {
            List<String> missing = new ArrayList<>(ids);
            missing.removeAll(bundleIds);
            List<String> extra = new ArrayList<>(bundleIds);
            extra.removeAll(ids);
            diffs.add("agents differ: the workflow has " + ids + ", the bundle " + bundleIds
                    + (missing.isEmpty() ? "" : "; missing from the bundle: " + missing)
                    + (extra.isEmpty() ? "" : "; not in the workflow: " + extra));
            return diffs;
        }
        for (int i = 0; i < agents.size(); i++) {
            AgentPolicyFile f = agents.get(i).file();
            AgentSpec spec = w.agents().get(i);
            String who = "agent " + spec.id() + ": ";
            if (!java.util.Objects.equals(f.observation(), spec.observation())) {
                diffs.add(who + "interface observation differs (bundle " + f.observation() + ", workflow " + spec.observation() + ")");
            }
            if (!java.util.Objects.equals(f.privateState(), spec.privateState())) {
                diffs.add(who + "private state differs (bundle " + f.privateState() + ", workflow " + spec.privateState() + ")");
            }
            if (!java.util.Objects.equals(f.artifact(), w.artifact())) {
                diffs.add(who + "artifact schema differs");
            }
            List<String> actions = new ArrayList<>();
            for (int a = 0; a < env.actionCount(i); a++) {
                actions.add(env.actionLabel(i, a, ids));
            }
            if (!actions.equals(f.actions())) {
                diffs.add(who + "actions differ (bundle " + f.actions() + ", workflow " + actions + ")");
            }
        }
        return diffs;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    public List<AgentPolicy> agents() {
        return agents;
    }

    public AgentPolicy agent(int index) {
        return agents.get(index);
    }
}
