package dev.handoff.env.llm;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code llm-math} environment kind: multi-LLM mathematical reasoning on GSM8K, replaying the recorded answers
 * of real models (or calling live OpenAI-compatible endpoints). Nodes are LLM workers or cheap tools; an edge is a
 * handoff of the problem; options are {@code answer} (LLM workers only), {@code keep} and {@code prefer-previous}.
 */
public final class LlmMathKind implements EnvironmentKind {
    public static final String ID = "llm-math";
    /** The worker answers the question (its answer becomes the one STOP would submit). */
    public static final String OPTION_ANSWER = "answer";
    /** The artifact passes unchanged: STOP submits the current answer. */
    public static final String OPTION_KEEP = "keep";
    /** The answer before the latest becomes the one STOP submits. */
    public static final String OPTION_PREFER_PREVIOUS = "prefer-previous";
    public static final List<String> OPTIONS = List.of(OPTION_ANSWER, OPTION_KEEP, OPTION_PREFER_PREVIOUS);

    private static final Map<Path, RecordedAnswers> RELEASED = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return ID;
    }

    static int optionCode(String id) {
        return switch (id) {
            case OPTION_ANSWER -> LlmMathEnvironment.ANSWER;
            case OPTION_KEEP -> LlmMathEnvironment.KEEP;
            case OPTION_PREFER_PREVIOUS -> LlmMathEnvironment.PREFER_PREVIOUS;
            default -> throw new IllegalArgumentException("unknown llm-math option \"" + id + "\"; expected one of " + OPTIONS);
        };
    }

    @Override
    public List<Problem> validate(Workflow w) {
        List<Problem> problems = new ArrayList<>();
        if (w.environment() == null || !ID.equals(w.environment().kind())) {
            problems.add(new Problem("/environment/kind", "expected \"" + ID + "\""));
            return problems;
        }
        LlmMathSettings s = LlmMathSettings.read(w.environment(), problems);
        String agentsPath = "/environment/parameters/agents";
        for (String id : s.agents().keySet()) {
            if (w.agentIndex(id) < 0) {
                problems.add(new Problem(agentsPath + "/" + id, "no agent \"" + id + "\" in the workflow"));
            }
        }
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec a = w.agents().get(i);
            String path = "/agents/" + i;
            LlmMathSettings.AgentBinding b = s.agents().get(a.id());
            if (b == null) {
                problems.add(new Problem(agentsPath, "agent \"" + a.id() + "\" is not bound to a model or a tool"));
            } else if (b.isLlm()) {
                String model = s.live().containsKey(a.id()) ? s.live().get(a.id()).modelId() : b.model();
                if (!s.costs().prices(model)) {
                    problems.add(new Problem("/environment/parameters/costs/models",
                            "no cost assumption for model \"" + model + "\" (agent \"" + a.id() + "\")"));
                }
                if (!RecordedAnswers.RELEASED_MODELS.contains(model) && !s.live().containsKey(a.id()) && s.replayFile() == null) {
                    problems.add(new Problem(agentsPath + "/" + a.id() + "/model", "model \"" + model
                            + "\" has no recorded answers; expected one of " + RecordedAnswers.RELEASED_MODELS
                            + ", a replayFile, or a live endpoint"));
                }
            }
            if (a.options().isEmpty()) {
                problems.add(new Problem(path + "/options", "an llm-math agent needs at least one option " + OPTIONS));
            }
            for (int o = 0; o < a.options().size(); o++) {
                OptionSpec opt = a.options().get(o);
                if (opt == null || !OPTIONS.contains(opt.id())) {
                    problems.add(new Problem(path + "/options/" + o + "/id", "unknown option \""
                            + (opt == null ? null : opt.id()) + "\"; expected one of " + OPTIONS));
                } else if (opt.id().equals(OPTION_ANSWER) && b != null && !b.isLlm()) {
                    problems.add(new Problem(path + "/options/" + o + "/id", "tool \"" + a.id() + "\" cannot answer"));
                }
            }
            if (w.successors(a.id()).isEmpty()) {
                problems.add(new Problem(path, "agent \"" + a.id() + "\" has no handoff (add one to another agent or to STOP)"));
            }
            try {
                if (w.artifact() != null) {
                    InterfaceMap.compile(w.artifact(), a);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(path + "/observation", e.getMessage()));
            }
        }
        for (int h = 0; h < w.handoffs().size(); h++) {
            HandoffSpec e = w.handoffs().get(h);
            if (w.agentIndex(e.from()) < 0 || !e.isStop() && w.agentIndex(e.to()) < 0) {
                problems.add(new Problem("/handoffs/" + h, "handoff " + e.from() + " → " + e.to() + " names an unknown agent"));
            }
        }
        if (s.entryAgent() != null && w.agentIndex(s.entryAgent()) < 0) {
            problems.add(new Problem("/environment/parameters/entryAgent", "no agent \"" + s.entryAgent() + "\""));
        }
        if (w.agents().isEmpty()) {
            problems.add(new Problem("/agents", "an llm-math workflow needs at least one agent"));
        }
        if (!s.live().isEmpty() && s.replayFile() == null) {
            problems.add(new Problem("/environment/parameters/replayFile",
                    "live mode needs a replayFile: every live answer is appended there so none is lost"));
        }
        for (String id : s.live().keySet()) {
            LlmMathSettings.AgentBinding b = s.agents().get(id);
            if (b == null || !b.isLlm()) {
                problems.add(new Problem("/environment/parameters/live/" + id, "live endpoints belong to LLM agents"));
            }
        }
        if (w.artifact() == null) {
            problems.add(new Problem("/artifact", "an llm-math workflow needs an artifact schema (see LlmMathFeatures)"));
        } else {
            List<FeatureSpec> fs = w.artifact().features();
            for (int f = 0; f < fs.size(); f++) {
                FeatureSpec spec = fs.get(f);
                int kind = LlmMathEnvironment.featureKind(spec.name());
                String path = "/artifact/features/" + f;
                if (kind < 0) {
                    problems.add(new Problem(path + "/name", "llm-math cannot compute feature \"" + spec.name() + "\""));
                    continue;
                }
                if (LlmMathEnvironment.isAnsweredFlag(kind)) {
                    String agent = spec.name().substring(LlmMathFeatures.ANSWERED_PREFIX.length());
                    LlmMathSettings.AgentBinding b = s.agents().get(agent);
                    if (w.agentIndex(agent) < 0 || b == null || !b.isLlm()) {
                        problems.add(new Problem(path + "/name", "\"" + spec.name() + "\" needs an LLM agent \"" + agent + "\""));
                    }
                }
                if (LlmMathEnvironment.isFlag(kind) && spec.type() != FeatureType.BOOL) {
                    problems.add(new Problem(path + "/type", "\"" + spec.name() + "\" is a bool feature"));
                }
            }
        }
        return problems;
    }

    @Override
    public HandoffEnvironment create(Workflow workflow) {
        return createLlmMath(workflow);
    }

    /** {@link #create} with the concrete type (held-out mode, last-episode figures, the split). */
    public LlmMathEnvironment createLlmMath(Workflow workflow) {
        List<Problem> problems = validate(workflow);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid llm-math workflow:\n  " + String.join("\n  ",
                    problems.stream().map(Problem::toString).toList()));
        }
        LlmMathSettings s = LlmMathSettings.read(workflow.environment(), new ArrayList<>());
        RecordedAnswers book = answersFor(s).copy();
        if (s.replayFile() != null) {
            book.loadReplay(Path.of(s.replayFile()));
        }
        LiveAnswerer[] live = null;
        if (!s.live().isEmpty()) {
            live = new LiveAnswerer[workflow.agents().size()];
            ReplayLog log = ReplayLog.open(Path.of(s.replayFile()));
            for (int i = 0; i < live.length; i++) {
                LiveEndpoint e = s.live().get(workflow.agents().get(i).id());
                if (e != null) {
                    live[i] = new LiveAnswerer(new ChatCompletionsClient(e, System::getenv), book, log, s.costs());
                }
            }
        }
        return new LlmMathEnvironment(workflow, s, book, live);
    }

    /** The released answers for these settings' data directory, loaded once per directory. */
    public static RecordedAnswers answersFor(LlmMathSettings s) {
        Path dir = resolveDataDirectory(s.dataDirectory());
        return RELEASED.computeIfAbsent(dir.toAbsolutePath().normalize(), RecordedAnswers::loadReleased);
    }

    /**
     * Where the data is: the project's {@code sample-workflows/data/gsm8k} when not configured; a relative path is
     * looked up from the working directory upwards, also inside each ancestor's {@code sample-workflows} folder
     * (so {@code "data/gsm8k"} works from a workflow kept in {@code sample-workflows/}).
     */
    static Path resolveDataDirectory(String configured) {
        if (configured == null) {
            return RecordedAnswers.projectDataDirectory();
        }
        Path p = Path.of(configured);
        if (p.isAbsolute() || Files.isDirectory(p)) {
            return p;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(p))) {
                return dir.resolve(p);
            }
            if (Files.isDirectory(dir.resolve("sample-workflows").resolve(p))) {
                return dir.resolve("sample-workflows").resolve(p);
            }
        }
        throw new IllegalArgumentException("GSM8K data directory \"" + configured + "\" not found from "
                + Path.of("").toAbsolutePath());
    }
}
