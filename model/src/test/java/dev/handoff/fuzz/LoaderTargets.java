package dev.handoff.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.cpu.HackersDelightTasks;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.llm.AnswerRecord;
import dev.handoff.env.llm.RecordedAnswers;
import dev.handoff.env.routing.RoutingKind;
import dev.handoff.env.routing.TopologyImport;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.learn.neural.MlpMirror;
import dev.handoff.learn.neural.NetworkFile;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.policy.AgentPolicyFile;
import dev.handoff.policy.BundleEvaluation;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.trace.TraceSet;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunCheckpoints;
import dev.handoff.train.RunFolder;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.SampleWorkflows;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loaders under fuzz, one line each, with small valid corpora built once per test JVM (a trained and exported
 * 4-agent ring, a 6×6 routing run, trimmed copies of the shipped data).
 */
final class LoaderTargets {
    private static List<LoaderTarget> all;

    private LoaderTargets() {
    }

    static synchronized List<LoaderTarget> all() {
        if (all == null) {
            long t0 = System.nanoTime();
            all = build();
            System.out.println("fuzz corpora built in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        return all;
    }

    private static List<LoaderTarget> build() {
        try {
            Path work = Files.createTempDirectory("fuzz-corpora");
            Path samples = repository().resolve("sample-workflows");
            Path routing = samples.resolve("data/routing");
            Path gsm8k = testResource("fuzz/gsm8k-20");
            return List.of(
                    new LoaderTarget("workflow", workflows(samples), List.of("w.json"), root ->
                            loadedWorkflowTrains(WorkflowLoading.loadValid(root.resolve("w.json")))),
                    new LoaderTarget("policy bundle", List.of(LoaderTarget.folder(bundle(work))),
                            List.of("bundle.json", "agents/a0.json", "agents/a1.json"), root ->
                            evaluate(PolicyBundle.load(root))),
                    new LoaderTarget("agent policy (neural)", List.of(LoaderTarget.file("a.json", neuralAgentFile())),
                            List.of("a.json"), root -> AgentPolicy.load(root.resolve("a.json")).act(new double[] {1, 0}, 1)),
                    new LoaderTarget("run folder and checkpoint", List.of(LoaderTarget.folder(runFolder(work, ring(4))),
                            LoaderTarget.folder(routingRunFolder(work, runFolder(work, ring(4)), routing66(routing)))),
                            List.of("manifest.json", "workflow.json", "checkpoints/icq-tabular-seed1.ckpt",
                                    "checkpoints/icq-tabular-seed1.ckpt"), LoaderTargets::resume),
                    new LoaderTarget("GraphML topology", List.of(
                            LoaderTarget.file("t.graphml", Files.readAllBytes(routing.resolve("topology-zoo/Abilene.graphml"))),
                            LoaderTarget.file("t.graphml", Files.readAllBytes(routing.resolve("topology-zoo/Geant2012.graphml")))),
                            List.of("t.graphml"), root -> importedWorkflowIsValid(root.resolve("t.graphml"))),
                    new LoaderTarget(".net topology", List.of(
                            LoaderTarget.file("t.net", Files.readAllBytes(routing.resolve("boyan-littman/6x6.net")))),
                            List.of("t.net"), root -> importedWorkflowIsValid(root.resolve("t.net"))),
                    new LoaderTarget("GSM8K data (JSON Lines, CSV)", List.of(LoaderTarget.folder(gsm8k)),
                            List.of("test.jsonl", "example_model_solutions.jsonl", "routellm_gsm8k_responses.csv"),
                            root -> RecordedAnswers.loadReleased(root)),
                    new LoaderTarget("replay file (JSON Lines)", List.of(LoaderTarget.file("live.jsonl", replay(gsm8k))),
                            List.of("live.jsonl"), root -> releasedAnswers(gsm8k).copy().loadReplay(root.resolve("live.jsonl"))),
                    new LoaderTarget("agent traces (JSON Lines)", List.of(LoaderTarget.folder(traces(work, ring(4)))),
                            List.of("a0.jsonl", "a1.jsonl", "a3.jsonl"), root -> readTraces(root, ring(4))),
                    new LoaderTarget("Hacker's Delight data (JSON, CSV)", List.of(LoaderTarget.folder(cpuData(samples, work))),
                            List.of(HackersDelightTasks.SPECS_FILE, HackersDelightTasks.VECTORS_FILE),
                            root -> HackersDelightTasks.load(root)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the fuzz corpora", e);
        }
    }

    // ---------------------------------------------------------------- how the product uses each loaded input

    /** A valid workflow of a fast kind trains a few hundred handoffs: "valid" must mean "runs". */
    private static void loadedWorkflowTrains(Workflow w) {
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        if (kind instanceof SyntheticKind || kind instanceof RoutingKind) {
            SeedTrainer t = new SeedTrainer(w, kind, Algorithm.ICQ_TABULAR, 1, 300);
            t.runUntil(300, window -> { });
        }
    }

    /** As {@code handoff evaluate BUNDLE WORKFLOW} does with the (valid) workflow the bundle was trained on. */
    private static void evaluate(PolicyBundle bundle) throws Exception {
        Workflow w = ring(4);
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        if (bundle.differencesFrom(w, kind.create(w)).isEmpty()) {
            BundleEvaluation.evaluate(bundle, w, kind, 20, 1);
        }
    }

    private static void resume(Path root) throws Exception {
        RunFolder run = RunFolder.open(root);
        try (SeedRun t = run.restore(run.seeds().get(0), run.handoffs() + 200)) {
            t.runUntil(run.handoffs() + 200, window -> { });
        }
    }

    private static void readTraces(Path root, Workflow w) throws Exception {
        TraceSet.read(w, WorkflowLoading.kindOf(w).create(w), TraceSet.filesIn(root));
    }

    private static void importedWorkflowIsValid(Path network) throws IOException {
        Workflow w = TopologyImport.importFile(network);
        if (!WorkflowLoading.problemsOf(w).isEmpty()) {
            throw new AssertionError("an imported topology must make a valid workflow: " + WorkflowLoading.problemsOf(w));
        }
    }

    // ---------------------------------------------------------------- corpora

    private static List<Map<String, byte[]>> workflows(Path samples) throws IOException {
        List<Map<String, byte[]>> out = new ArrayList<>();
        out.add(LoaderTarget.file("w.json", WorkflowJson.write(SampleWorkflows.everyField()).getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of("synthetic-gap", "routing-6x6", "routing-abilene", "llm-math-mixtral-gpt4",
                "cpu-hackers-delight")) {
            out.add(LoaderTarget.file("w.json", Files.readAllBytes(samples.resolve(name + ".workflow.json"))));
        }
        return out;
    }

    private static Workflow ring(int agents) {
        return SyntheticTemplates.ring("fuzz ring", agents, 1.0, 0.05);
    }

    private static Workflow routing66(Path routing) throws IOException {
        return dev.handoff.env.routing.RoutingWorkflows.sixBySix(routing);
    }

    private static Path bundle(Path work) throws Exception {
        Workflow w = ring(4);
        SeedTrainer t = new SeedTrainer(w, new SyntheticKind(), Algorithm.ICQ_TABULAR, 1, 2_000);
        t.runUntil(2_000, window -> { });
        return PolicyBundle.export(w, t, "fuzz", work.resolve("bundle"), false);
    }

    /** A neural agent's policy file (a small plain-Java network: acting needs no DJL). */
    private static byte[] neuralAgentFile() throws IOException {
        Workflow w = ring(4);
        var spec = w.agents().get(0);
        InterfaceMap map = InterfaceMap.compile(w.artifact(), spec);
        MlpMirror mirror = new MlpMirror(map.encodingSize(), 3, 6);
        List<String> actions = List.of("q1", "q2", "q3", "t1", "t2", "t3");
        AgentPolicyFile file = new AgentPolicyFile(1, spec.id(), spec.name(), "neural", w.artifact(), spec.privateState(),
                spec.observation(), actions, map.viewCount(), List.of(), NetworkFile.of(mirror, "a0-0000.params"));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(file);
    }

    private static Path runFolder(Path work, Workflow w) throws Exception {
        Path out = Files.createTempDirectory(work, "run");
        HeadlessTraining.run(new HeadlessTraining.Request(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, List.of(1L),
                1_000, 1), out, null);
        return out;
    }

    /**
     * A routing run folder (a packet network in the checkpoint) in the format {@code handoff train --out} writes, made
     * without the end-of-run simulated evaluation, which takes minutes for an untrained routing policy.
     */
    private static Path routingRunFolder(Path work, Path ringRun, Workflow w) throws Exception {
        Path out = Files.createTempDirectory(work, "routing-run");
        SeedTrainer t = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 1, 1_000);
        t.runUntil(1_000, window -> { });
        RunCheckpoints.write(out, t);
        WorkflowJson.write(w, out.resolve("workflow.json"));
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(ringRun.resolve("manifest.json").toFile());
        manifest.put("workflowName", w.name()).put("workflowHash", WorkflowHash.of(w));
        Files.writeString(out.resolve("manifest.json"), manifest.toPrettyString());
        return out;
    }

    /** Each agent's trace of 300 simulated handoffs of a 4-agent ring, as a deployed agent's service would log them. */
    private static Path traces(Path work, Workflow w) throws Exception {
        Path dir = Files.createTempDirectory(work, "traces");
        RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 1, 300, dir);
        return dir;
    }

    private static byte[] replay(Path gsm8k) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            sb.append(json.writeValueAsString(new AnswerRecord(k, "stub-gpt", "Counting.\n#### " + (k * 7), null,
                    "live:http://127.0.0.1/v1"))).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static RecordedAnswers released;

    private static synchronized RecordedAnswers releasedAnswers(Path gsm8k) {
        if (released == null) {
            released = RecordedAnswers.loadReleased(gsm8k);
        }
        return released;
    }

    private static Path cpuData(Path samples, Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("cpu"));
        Path data = samples.resolve("data/cpu-programming");
        Files.copy(data.resolve(HackersDelightTasks.SPECS_FILE), dir.resolve(HackersDelightTasks.SPECS_FILE));
        Files.copy(data.resolve(HackersDelightTasks.VECTORS_FILE), dir.resolve(HackersDelightTasks.VECTORS_FILE));
        return dir;
    }

    static Path repository() {
        return RecordedTraces.root();
    }

    private static Path testResource(String name) {
        try {
            return Path.of(LoaderTargets.class.getClassLoader().getResource(name).toURI());
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("missing test resource " + name, e));
        }
    }
}
