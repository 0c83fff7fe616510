package dev.handoff.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunFolder;
import dev.handoff.train.SeedTrainer;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BundleManifest manifest;
    private final List<AgentPolicy> agents;

    private PolicyBundle(BundleManifest manifest, List<AgentPolicy> agents) {
        this.manifest = manifest;
        this.agents = List.copyOf(agents);
    }

    /** Exports the trained policies of one seed of a run folder (IC-Q or independent runs: the oracle is centralised). */
    public static Path export(RunFolder run, long seed, Path out, boolean csv) throws IOException, BundleException {
        if (run.algorithm() == Algorithm.ORACLE) {
            throw new BundleException("the oracle learns on the joint state, which no deployed agent sees: "
                    + "export an icq-tabular or independent run");
        }
        SeedTrainer trainer = run.restore(seed, run.handoffs());
        return export(run.workflow(), trainer, run.dir().getFileName().toString(), out, csv);
    }

    /** Exports the learners of a trained seed. */
    public static Path export(Workflow w, SeedTrainer trainer, String runId, Path out, boolean csv) throws IOException {
        Files.createDirectories(out.resolve("agents"));
        HandoffEnvironment env = trainer.environment();
        List<String> ids = w.agents().stream().map(AgentSpec::id).toList();
        List<BundleManifest.AgentEntry> entries = new ArrayList<>();
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec spec = w.agents().get(i);
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
                    q[a] = trainer.learner(i).q(z, a);
                    visits[a] = trainer.learner(i).visits(z, a);
                }
                rows.add(new AgentPolicyFile.ViewRow(z, map.describe(z), trainer.learner(i).greedyAction(z), q, visits));
            }
            AgentPolicyFile file = new AgentPolicyFile(FORMAT, spec.id(), spec.name(), "tabular", w.artifact(),
                    spec.privateState(), spec.observation(), actions, map.viewCount(), rows);
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

    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
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

    /** Loads a bundle folder; every agent file must be present and intact. */
    public static PolicyBundle load(Path dir) throws BundleException {
        Path manifestFile = dir.resolve("bundle.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new BundleException(dir + " is not a policy bundle (no bundle.json)");
        }
        BundleManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (IOException e) {
            throw new BundleException("bundle.json is corrupted: " + e.getMessage());
        }
        if (manifest.bundleFormat() > FORMAT) {
            throw new BundleException("bundle format " + manifest.bundleFormat() + " is newer than this build knows (" + FORMAT + ")");
        }
        if (manifest.agents() == null || manifest.agents().isEmpty()) {
            throw new BundleException("bundle.json lists no agents");
        }
        List<AgentPolicy> agents = new ArrayList<>();
        for (BundleManifest.AgentEntry e : manifest.agents()) {
            Path file = dir.resolve(e.file()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new BundleException("bundle.json points outside the bundle: " + e.file());
            }
            AgentPolicy p = AgentPolicy.load(file);
            if (!p.agentId().equals(e.id())) {
                throw new BundleException(e.file() + " holds agent " + p.agentId() + ", bundle.json says " + e.id());
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
