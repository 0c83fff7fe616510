package dev.handoff.env.cpu;

import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.HackersDelightTasks;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMaps;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.DidYouMean;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment kind {@code cpu-programming} (issue 8): agents with the roles planner, coder, tester and optimizer
 * cooperate to produce an RV32IM program for a Hacker's Delight task that must pass its test vectors, including held-out
 * ones. See {@link CpuProgrammingEnvironment} for the dynamics and {@link CpuSettings} for the parameters.
 */
public final class CpuProgrammingKind implements EnvironmentKind {
    public static final String ID = "cpu-programming";
    static final String DEFAULT_DATA_DIR = "sample-workflows/data/cpu-programming";

    private final Map<Path, SynthesisCache> caches = new HashMap<>();
    private final Map<LiveCoderSettings, LlmCoder> liveCoders = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    /** The artifact schema this kind fills (a workflow may declare any subset of these features). */
    public static ArtifactSchema artifactSchema() {
        List<FeatureSpec> specs = new ArrayList<>();
        for (CpuFeature f : CpuFeature.values()) {
            specs.add(f.spec());
        }
        return new ArtifactSchema(specs);
    }

    @Override
    public List<Problem> validate(Workflow w) {
        List<Problem> out = new ArrayList<>();
        List<FeatureSpec> features = w.artifact() == null ? List.of() : w.artifact().features();
        for (int f = 0; f < features.size(); f++) {
            FeatureSpec spec = features.get(f);
            CpuFeature known = CpuFeature.byName(spec.name());
            if (known == null) {
                out.add(new Problem("/artifact/features/" + f + "/name", "cpu-programming has no feature \""
                    + spec.name() + "\" (it has: " + String.join(", ", names()) + ")"));
            } else if (known.type() != spec.type()) {
                out.add(new Problem("/artifact/features/" + f + "/type", "feature \"" + spec.name() + "\" is "
                    + known.type().json() + " in cpu-programming"));
            }
        }
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec a = w.agents().get(i);
            CpuRole r = CpuRole.byId(a.role());
            if (r == null) {
                out.add(new Problem("/agents/" + i + "/role", "agent \"" + a.id() + "\" needs a cpu-programming role:"
                    + " planner, coder, tester or optimizer (got " + (a.role() == null ? "none" : "\"" + a.role() + "\"") + ")"));
                continue;
            }
            for (int o = 0; o < a.options().size(); o++) {
                String problem = r.checkOption(a.options().get(o).id());
                if (problem != null) {
                    out.add(new Problem("/agents/" + i + "/options/" + o + "/id", problem));
                }
            }
        }
        CpuSettings s = CpuSettings.read(w, out);
        try {
            List<String> ids = loadTasks(s).stream().map(HackersDelightTask::id).toList();
            for (int k = 0; k < s.taskIds().size(); k++) {
                if (!ids.contains(s.taskIds().get(k))) {
                    out.add(new Problem("/environment/parameters/tasks/" + k, "unknown task \"" + s.taskIds().get(k)
                        + "\"" + DidYouMean.suffix(s.taskIds().get(k), ids) + " (known: " + String.join(", ", ids) + ")"));
                }
            }
        } catch (IllegalArgumentException e) {
            out.add(new Problem("/environment/parameters/" + CpuSettings.DATA_DIR, e.getMessage()));
        }
        boolean usesLlm = w.agents().stream().anyMatch(a -> CpuRole.byId(a.role()) == CpuRole.CODER
            && a.options().stream().anyMatch(o -> CpuRole.LIVE_OPTION.equals(o.id())));
        if (usesLlm && s.live() == null && out.stream().noneMatch(p -> p.path().startsWith("/environment/parameters/live"))) {
            out.add(new Problem("/environment/parameters/live", "a coder has the option \"llm\": set live "
                + "{baseUrl, model, apiKeyEnv, replayFile, ...} (or only replayFile, to replay offline)"));
        }
        if (s.startAgent() != null && w.agentIndex(s.startAgent()) < 0) {
            out.add(new Problem("/environment/parameters/startAgent", "no agent \"" + s.startAgent() + "\""
                + DidYouMean.suffix(s.startAgent(), w.agents().stream().map(AgentSpec::id).toList())));
        }
        return out;
    }

    @Override
    public HandoffEnvironment create(Workflow workflow) {
        List<Problem> problems = validate(workflow);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid cpu-programming workflow: " + problems);
        }
        CpuSettings s = settings(workflow);
        SynthesisCache cache = cache(s);
        return new CpuProgrammingEnvironment(workflow, s, cache, InterfaceMaps.compile(workflow),
            s.live() == null ? null : liveCoder(s.live()));
    }

    /** The kind's parameters of a valid workflow, defaults filled in; throws listing the problems of an invalid one. */
    public static CpuSettings settings(Workflow w) {
        return ParameterReader.readValid(ID, problems -> CpuSettings.read(w, problems));
    }

    /** One live coder per replay file and endpoint, shared by every environment of this kind (answers are per task). */
    private synchronized LlmCoder liveCoder(LiveCoderSettings live) {
        return liveCoders.computeIfAbsent(live, LiveCoderSettings::open);
    }

    private synchronized SynthesisCache cache(CpuSettings s) {
        Path dir = dataDir(s);
        SynthesisCache c = caches.get(dir);
        if (c == null) {
            c = new SynthesisCache(HackersDelightTasks.load(dir));
            caches.put(dir, c);
        }
        return c;
    }

    /** Ids of every task in the data directory the settings name. */
    List<String> taskIds(CpuSettings s) {
        return loadTasks(s).stream().map(HackersDelightTask::id).toList();
    }

    private List<HackersDelightTask> loadTasks(CpuSettings s) {
        return cache(s).tasks();
    }

    /**
     * The data directory: an absolute {@code dataDir}; a relative one (default
     * {@code sample-workflows/data/cpu-programming}) is looked up in the working directory and each of its parents.
     */
    static Path dataDir(CpuSettings s) {
        String wanted = s.dataDir() == null ? DEFAULT_DATA_DIR : s.dataDir();
        Path given = Path.of(wanted);
        if (given.isAbsolute()) {
            if (!Files.isRegularFile(given.resolve(HackersDelightTasks.SPECS_FILE))) {
                throw new IllegalArgumentException("dataDir " + given + " has no " + HackersDelightTasks.SPECS_FILE);
            }
            return given.normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(given);
            if (Files.isRegularFile(candidate.resolve(HackersDelightTasks.SPECS_FILE))) {
                return candidate.normalize();
            }
        }
        throw new IllegalArgumentException("cannot find " + wanted + " (with " + HackersDelightTasks.SPECS_FILE
            + ") in " + Path.of("").toAbsolutePath() + " or above: set environment.parameters.dataDir");
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (CpuFeature f : CpuFeature.values()) {
            out.add(f.featureName());
        }
        return out;
    }

    /**
     * The sample workflow {@code sample-workflows/cpu-hackers-delight.workflow.json}: planner → coder → (optimizer →)
     * tester, which submits or sends the program back to the coder or the planner.
     */
    public static Workflow sampleWorkflow() {
        AgentSpec planner = new AgentSpec("planner", "Planner", "planner",
            List.of(new OptionSpec("d0-L4", "Minimal grammar, up to 4 instructions", null),
                new OptionSpec("d0-L6", "Minimal grammar, up to 6 instructions", null),
                new OptionSpec("d1-L4", "Medium grammar, up to 4 instructions", null),
                new OptionSpec("d5-L3", "Full grammar, up to 3 instructions", null)),
            null,
            new InterfaceSpec(List.of(ObservationTerm.select("arity"), ObservationTerm.select("returnsBool"),
                ObservationTerm.select("coderRuns")), null));
        AgentSpec coder = new AgentSpec("coder", "Coder", "coder",
            List.of(new OptionSpec("tiny", "1e3 candidates", null), new OptionSpec("small", "1e4 candidates", null),
                new OptionSpec("medium", "1e5 candidates", null), new OptionSpec("large", "1e6 candidates", null)),
            null,
            new InterfaceSpec(List.of(ObservationTerm.select("arity"), ObservationTerm.select("lengthBound"),
                ObservationTerm.select("assembles"), ObservationTerm.select("coderRuns")), null));
        AgentSpec tester = new AgentSpec("tester", "Tester", "tester",
            List.of(new OptionSpec("public", "Run the public vectors", null),
                new OptionSpec("full", "Run every vector, held-out included", null)),
            null,
            new InterfaceSpec(List.of(ObservationTerm.select("assembles"), ObservationTerm.binned("publicPassShare", 2),
                ObservationTerm.select("heldOutChecked"), ObservationTerm.select("heldOutPassed"),
                ObservationTerm.select("coderRuns")), null));
        AgentSpec optimizer = new AgentSpec("optimizer", "Optimizer", "optimizer",
            List.of(new OptionSpec("peephole", "Peephole shortening", null)),
            null,
            new InterfaceSpec(List.of(ObservationTerm.select("assembles"), ObservationTerm.select("optimized")), null));
        List<HandoffSpec> handoffs = List.of(
            new HandoffSpec("planner", "coder", "plan"),
            new HandoffSpec("coder", "tester", "test"),
            new HandoffSpec("coder", "optimizer", "shorten"),
            new HandoffSpec("optimizer", "tester", "test"),
            new HandoffSpec("tester", HandoffSpec.STOP, "submit"),
            new HandoffSpec("tester", "coder", "send back"),
            new HandoffSpec("tester", "planner", "replan"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("defaultDifficulty", "d0");
        params.put("defaultLength", CpuSettings.DEFAULT_LENGTH);
        params.put("stepCost", CpuSettings.DEFAULT_STEP_COST);
        params.put("candidateCost", CpuSettings.DEFAULT_CANDIDATE_COST);
        params.put("instructionCost", CpuSettings.DEFAULT_INSTRUCTION_COST);
        params.put("maxHandoffs", CpuSettings.DEFAULT_MAX_HANDOFFS);
        params.put("startAgent", "planner");
        // Polynomial steps forget the exploring phase's targets, and ε decays to 0 (GLIE), so the tester learns the value
        // of replanning under the greedy pipeline it will run, not under the exploring one (docs/REPRODUCTION.md § CPU).
        TrainingSettings training = new TrainingSettings("icq-tabular", 0.99, StepSizeSpec.polynomial(0.6),
            new EpsilonSpec(0.3, 0.0, 200_000), 300_000, List.of(1L, 2L, 3L), 1000);
        Layout layout = Layout.EMPTY.with("planner", new Layout.Point(80, 160))
            .with("coder", new Layout.Point(280, 160))
            .with("optimizer", new Layout.Point(480, 40))
            .with("tester", new Layout.Point(680, 160))
            .with(HandoffSpec.STOP, new Layout.Point(880, 160));
        return new Workflow(Workflow.FORMAT_VERSION, null, "CPU programming: Hacker's Delight",
            "Planner, coder (a bounded enumerative synthesiser), optimizer and tester hand an RV32IM program to each "
                + "other until it passes every vector of a Hacker's Delight task, held-out ones included.",
            artifactSchema(), List.of(planner, coder, tester, optimizer), handoffs, new EnvironmentSpec(ID, params),
            training, layout);
    }
}
