package dev.handoff.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks that a workflow describes a well-formed IC-SMDP: unique agents, handoffs between known nodes with a way to
 * STOP, observations a tabular learner can index, sane training settings; then the environment kind's own rules
 * ({@link EnvironmentRules}: the kind reads and checks its own parameters).
 * Returns every problem found, each at its JSON Pointer path, in document order.
 */
public final class WorkflowValidator {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowValidator.class);

    /** Step-size schedules the learners implement (ICQ.md §2). */
    public static final List<String> STEP_SIZE_KINDS = StepSizeSpec.KINDS;

    private final Function<String, Optional<EnvironmentRules>> kinds;
    private final Supplier<? extends Collection<String>> knownKinds;

    /** Generic rules only: the environment kind is neither looked up nor checked. */
    public WorkflowValidator() {
        this.kinds = null;
        this.knownKinds = List::of;
    }

    /** Generic rules plus those of the given kinds; an {@code environment.kind} not among them is a problem. */
    public WorkflowValidator(Collection<? extends EnvironmentRules> environmentKinds) {
        Map<String, EnvironmentRules> byId = new LinkedHashMap<>();
        for (EnvironmentRules k : environmentKinds) {
            byId.put(k.id(), k);
        }
        this.kinds = id -> Optional.ofNullable(byId.get(id));
        List<String> ids = List.copyOf(byId.keySet());
        this.knownKinds = () -> ids;
    }

    /** Generic rules plus the kind found by {@code lookup}; an unknown kind is reported without a list of known ones. */
    public WorkflowValidator(Function<String, Optional<EnvironmentRules>> lookup) {
        this(lookup, List::of);
    }

    /**
     * Generic rules plus the kind found by {@code lookup}; {@code knownIds} lists the kinds for the message when the
     * lookup finds none.
     */
    public WorkflowValidator(Function<String, Optional<EnvironmentRules>> lookup, Supplier<? extends Collection<String>> knownIds) {
        this.kinds = lookup;
        this.knownKinds = knownIds;
    }

    /** Every problem of the workflow, generic ones first, then the environment kind's; empty when it is valid. */
    public List<Problem> validate(Workflow w) {
        List<Problem> out = new ArrayList<>();
        if (w == null) {
            out.add(new Problem("", "no workflow"));
            return out;
        }
        Map<String, FeatureSpec> features = checkArtifact(w, out);
        Map<String, Integer> agentIndex = checkAgents(w, features, out);
        checkHandoffs(w, agentIndex, out);
        boolean kindKnown = checkEnvironment(w, out);
        checkTraining(w.training(), out);
        checkLayout(w, agentIndex, out);
        if (kindKnown) {
            addKindProblems(w, out);
        }
        return out;
    }

    /**
     * What is legal but rarely meant, each at its path: a handoff from an agent to itself. ICQ.md §2 lets an agent hand
     * off to any successor, itself included, but then no scalar crosses an interface: the agent bootstraps from its own
     * Q-values, as single-agent SMDP Q-learning does (a retry).
     */
    public List<Problem> warnings(Workflow w) {
        List<Problem> out = new ArrayList<>();
        if (w == null) {
            return out;
        }
        for (int i = 0; i < w.handoffs().size(); i++) {
            HandoffSpec h = w.handoffs().get(i);
            if (h != null && !blank(h.from()) && h.from().equals(h.to()) && w.agentIndex(h.from()) >= 0) {
                out.add(new Problem("/handoffs/" + i, "agent \"" + h.from() + "\" hands the artifact to itself: no scalar "
                        + "crosses an interface here, it learns from its own Q-values (a retry); remove the handoff if it is "
                        + "not meant"));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- artifact

    private Map<String, FeatureSpec> checkArtifact(Workflow w, List<Problem> out) {
        Map<String, FeatureSpec> byName = new LinkedHashMap<>();
        if (w.artifact() == null) {
            out.add(new Problem("/artifact", "missing artifact schema: the features agents hand to each other"));
            return byName;
        }
        Map<String, Integer> firstAt = new HashMap<>();
        List<FeatureSpec> fs = w.artifact().features();
        for (int i = 0; i < fs.size(); i++) {
            String p = "/artifact/features/" + i;
            FeatureSpec f = fs.get(i);
            if (f == null) {
                out.add(new Problem(p, "empty feature"));
                continue;
            }
            if (blank(f.name())) {
                out.add(new Problem(p + "/name", "a feature needs a name"));
            } else if (firstAt.containsKey(f.name())) {
                out.add(new Problem(p + "/name", "duplicate feature name \"" + f.name() + "\" (also /artifact/features/"
                        + firstAt.get(f.name()) + ")"));
            } else {
                firstAt.put(f.name(), i);
                byName.put(f.name(), f);
            }
            if (f.type() == null) {
                out.add(new Problem(p + "/type", "a feature needs a type (int, real, bool or category)"));
                continue;
            }
            switch (f.type()) {
                case INT, REAL -> checkBounds(f, p, out);
                case CATEGORY -> checkCategories(f, p, out);
                case BOOL -> {
                }
            }
        }
        return byName;
    }

    private static void checkBounds(FeatureSpec f, String p, List<Problem> out) {
        String type = f.type().json();
        if (f.min() == null) {
            out.add(new Problem(p + "/min", "an " + type + " feature needs min"));
        } else if (!Double.isFinite(f.min())) {
            out.add(new Problem(p + "/min", "min must be a finite number"));
        }
        if (f.max() == null) {
            out.add(new Problem(p + "/max", "an " + type + " feature needs max"));
        } else if (!Double.isFinite(f.max())) {
            out.add(new Problem(p + "/max", "max must be a finite number"));
        }
        if (f.min() != null && f.max() != null && f.min() > f.max()) {
            out.add(new Problem(p + "/min", "min " + num(f.min()) + " is greater than max " + num(f.max())));
        }
        if (f.type() == FeatureType.INT) {
            if (f.min() != null && Double.isFinite(f.min()) && f.min() != Math.rint(f.min())) {
                out.add(new Problem(p + "/min", "an int feature needs a whole-number min, not " + num(f.min())));
            }
            if (f.max() != null && Double.isFinite(f.max()) && f.max() != Math.rint(f.max())) {
                out.add(new Problem(p + "/max", "an int feature needs a whole-number max, not " + num(f.max())));
            }
        }
    }

    private static void checkCategories(FeatureSpec f, String p, List<Problem> out) {
        if (f.categories().isEmpty()) {
            out.add(new Problem(p + "/categories", "a category feature needs at least one category"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < f.categories().size(); c++) {
            String label = f.categories().get(c);
            if (blank(label)) {
                out.add(new Problem(p + "/categories/" + c, "empty category label"));
            } else if (!seen.add(label)) {
                out.add(new Problem(p + "/categories/" + c, "duplicate category \"" + label + "\""));
            }
        }
    }

    // ---------------------------------------------------------------- agents

    private Map<String, Integer> checkAgents(Workflow w, Map<String, FeatureSpec> features, List<Problem> out) {
        Map<String, Integer> index = new LinkedHashMap<>();
        if (w.agents().isEmpty()) {
            out.add(new Problem("/agents", "a workflow needs at least one agent"));
        }
        for (int i = 0; i < w.agents().size(); i++) {
            String p = "/agents/" + i;
            AgentSpec a = w.agents().get(i);
            if (a == null) {
                out.add(new Problem(p, "empty agent"));
                continue;
            }
            if (blank(a.id())) {
                out.add(new Problem(p + "/id", "an agent needs an id"));
            } else if (HandoffSpec.STOP.equals(a.id())) {
                out.add(new Problem(p + "/id", "\"" + HandoffSpec.STOP + "\" is reserved for the terminal node; choose another id"));
            } else if (index.containsKey(a.id())) {
                out.add(new Problem(p + "/id", "duplicate agent id \"" + a.id() + "\" (also /agents/" + index.get(a.id()) + ")"));
            } else {
                index.put(a.id(), i);
            }
            checkOptions(a, p, out);
            if (a.privateState() != null && a.privateState().values() < 1) {
                out.add(new Problem(p + "/privateState/values",
                        "private state needs at least 1 value, has " + a.privateState().values()));
            }
            checkObservation(a, p, features, out);
        }
        return index;
    }

    private static void checkOptions(AgentSpec a, String p, List<Problem> out) {
        if (a.options().isEmpty()) {
            out.add(new Problem(p + "/options", "an agent needs at least one option to choose"));
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < a.options().size(); j++) {
            OptionSpec o = a.options().get(j);
            String op = p + "/options/" + j;
            if (o == null || blank(o.id())) {
                out.add(new Problem(op + "/id", "an option needs an id"));
            } else if (seen.containsKey(o.id())) {
                out.add(new Problem(op + "/id", "duplicate option id \"" + o.id() + "\" (also " + p + "/options/"
                        + seen.get(o.id()) + ")"));
            } else {
                seen.put(o.id(), j);
            }
        }
    }

    private static void checkObservation(AgentSpec a, String p, Map<String, FeatureSpec> features, List<Problem> out) {
        InterfaceSpec obs = a.observation();
        if (obs == null) {
            return; // sees nothing of the artifact: a legal (if blind) agent
        }
        long views = 1;
        boolean countable = true;
        for (int k = 0; k < obs.terms().size(); k++) {
            String tp = p + "/observation/terms/" + k;
            ObservationTerm t = obs.terms().get(k);
            if (t == null) {
                out.add(new Problem(tp, "empty observation term"));
                countable = false;
                continue;
            }
            FeatureSpec f = null;
            if (blank(t.feature())) {
                out.add(new Problem(tp + "/feature", "a term needs the name of the feature it observes"));
            } else {
                f = features.get(t.feature());
                if (f == null) {
                    out.add(new Problem(tp + "/feature", "unknown feature \"" + t.feature() + "\""
                            + DidYouMean.suffix(t.feature(), features.keySet())));
                }
            }
            if (t.bins() != null && t.bins() < 1) {
                out.add(new Problem(tp + "/bins", "bins must be at least 1, is " + t.bins()));
            }
            if (t.modulo() != null && t.modulo() < 1) {
                out.add(new Problem(tp + "/modulo", "modulo must be at least 1, is " + t.modulo()));
            }
            if (t.clampMin() != null && t.clampMax() != null && t.clampMin() > t.clampMax()) {
                out.add(new Problem(tp + "/clampMin", "clampMin " + num(t.clampMin()) + " is greater than clampMax "
                        + num(t.clampMax())));
            }
            if (f != null && f.type() == FeatureType.REAL && t.bins() == null) {
                out.add(new Problem(tp + "/bins", "real feature \"" + f.name()
                        + "\" needs bins: a tabular learner cannot index a continuous value"));
            }
            if (clampLeavesNoValue(f, t)) {
                out.add(new Problem(tp + (t.clampMin() != null ? "/clampMin" : "/clampMax"), "the clamp range ["
                        + (t.clampMin() == null ? "-inf" : num(t.clampMin())) + ", "
                        + (t.clampMax() == null ? "inf" : num(t.clampMax())) + "] leaves no value of feature \""
                        + f.name() + "\" (range [" + num(f.lo()) + ", " + num(f.hi()) + "])"));
            }
            long card = cardinality(f, t);
            if (card <= 0) {
                countable = false;
            } else {
                views = Math.min(views * card, 1L << 40);
            }
        }
        if (countable && obs.privateStateIncluded()) {
            views *= a.privateStateCount();
        }
        if (countable && views > Integer.MAX_VALUE) {
            out.add(new Problem(p + "/observation", "the observation has more than " + Integer.MAX_VALUE
                    + " views; use fewer terms or fewer bins"));
        }
    }

    private static boolean clampLeavesNoValue(FeatureSpec f, ObservationTerm t) {
        if (f == null || f.type() == null || (t.clampMin() == null && t.clampMax() == null)
                || (t.clampMin() != null && t.clampMax() != null && t.clampMin() > t.clampMax())) {
            return false;
        }
        double lo = Math.max(f.lo(), t.clampMin() == null ? Double.NEGATIVE_INFINITY : t.clampMin());
        double hi = Math.min(f.hi(), t.clampMax() == null ? Double.POSITIVE_INFINITY : t.clampMax());
        return f.type() == FeatureType.REAL ? lo > hi : Math.floor(hi) < Math.ceil(lo);
    }

    /** Values a term can take (0 when it cannot be told yet because of another problem). */
    private static long cardinality(FeatureSpec f, ObservationTerm t) {
        if (f == null || f.type() == null || (t.bins() != null && t.bins() < 1) || (t.modulo() != null && t.modulo() < 1)) {
            return 0;
        }
        if (f.type() == FeatureType.REAL) {
            return t.bins() == null ? 0 : t.bins();
        }
        long count;
        if (t.modulo() != null) {
            count = t.modulo();
        } else {
            double lo = Math.max(f.lo(), t.clampMin() == null ? Double.NEGATIVE_INFINITY : t.clampMin());
            double hi = Math.min(f.hi(), t.clampMax() == null ? Double.POSITIVE_INFINITY : t.clampMax());
            count = (long) Math.floor(hi) - (long) Math.ceil(lo) + 1;
        }
        if (count <= 0) {
            return 0;
        }
        return t.bins() == null ? count : Math.min(count, t.bins());
    }

    // ---------------------------------------------------------------- handoffs

    private void checkHandoffs(Workflow w, Map<String, Integer> agents, List<Problem> out) {
        Map<String, Integer> firstAt = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (int i = 0; i < w.handoffs().size(); i++) {
            String p = "/handoffs/" + i;
            HandoffSpec h = w.handoffs().get(i);
            if (h == null) {
                out.add(new Problem(p, "empty handoff"));
                continue;
            }
            boolean fromOk = false;
            if (blank(h.from())) {
                out.add(new Problem(p + "/from", "a handoff needs the agent it leaves"));
            } else if (HandoffSpec.STOP.equals(h.from())) {
                out.add(new Problem(p + "/from", "nothing leaves " + HandoffSpec.STOP + ": it ends the episode"));
            } else if (!agents.containsKey(h.from())) {
                out.add(new Problem(p + "/from", "unknown agent \"" + h.from() + "\"" + DidYouMean.suffix(h.from(), agents.keySet())));
            } else {
                fromOk = true;
            }
            boolean toOk = false;
            if (blank(h.to())) {
                out.add(new Problem(p + "/to", "a handoff needs the agent (or " + HandoffSpec.STOP + ") it goes to"));
            } else if (!HandoffSpec.STOP.equals(h.to()) && !agents.containsKey(h.to())) {
                Set<String> targets = new TreeSet<>(agents.keySet());
                targets.add(HandoffSpec.STOP);
                out.add(new Problem(p + "/to", "unknown agent \"" + h.to() + "\"" + DidYouMean.suffix(h.to(), targets)));
            } else {
                toOk = true;
            }
            if (fromOk && toOk) {
                String edge = h.from() + " → " + h.to();
                if (firstAt.containsKey(edge)) {
                    out.add(new Problem(p, "duplicate handoff " + edge + " (also /handoffs/" + firstAt.get(edge) + ")"));
                } else {
                    firstAt.put(edge, i);
                    successors.computeIfAbsent(h.from(), k -> new ArrayList<>()).add(h.to());
                }
            }
        }
        Set<String> reachStop = canReachStop(successors);
        for (Map.Entry<String, Integer> a : agents.entrySet()) {
            String p = "/agents/" + a.getValue();
            if (!successors.containsKey(a.getKey())) {
                out.add(new Problem(p, "agent \"" + a.getKey() + "\" has no outgoing handoff: no way to "
                        + HandoffSpec.STOP + " or hand off"));
            } else if (!reachStop.contains(a.getKey()) && !kindEndsEpisodesItself(w)) {
                out.add(new Problem(p, "no chain of handoffs from agent \"" + a.getKey() + "\" reaches "
                        + HandoffSpec.STOP + ": its episodes would never end"));
            }
        }
    }

    /** Kinds such as routing end an artifact's episode inside the environment (delivery), with no STOP edge. */
    private boolean kindEndsEpisodesItself(Workflow w) {
        return kinds != null && w.environment() != null && !blank(w.environment().kind())
                && kinds.apply(w.environment().kind()).map(EnvironmentRules::endsEpisodesItself).orElse(false);
    }

    /** Agents with a chain of handoffs to STOP (backward search from STOP). */
    private static Set<String> canReachStop(Map<String, List<String>> successors) {
        Map<String, List<String>> predecessors = new HashMap<>();
        successors.forEach((from, tos) -> tos.forEach(to -> predecessors.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(HandoffSpec.STOP));
        while (!queue.isEmpty()) {
            for (String prev : predecessors.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(prev)) {
                    queue.add(prev);
                }
            }
        }
        return seen;
    }

    // ---------------------------------------------------------------- environment, training, layout

    private boolean checkEnvironment(Workflow w, List<Problem> out) {
        EnvironmentSpec env = w.environment();
        if (env == null) {
            out.add(new Problem("/environment", "missing environment: which kind simulates this workflow"));
            return false;
        }
        if (blank(env.kind())) {
            out.add(new Problem("/environment/kind", "the environment needs a kind"));
            return false;
        }
        if (kinds == null) {
            return false;
        }
        if (kinds.apply(env.kind()).isEmpty()) {
            Collection<String> known = knownKinds.get();
            out.add(new Problem("/environment/kind", "unknown environment kind \"" + env.kind() + "\""
                    + DidYouMean.suffix(env.kind(), known)
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")")));
            return false;
        }
        return true;
    }

    private void addKindProblems(Workflow w, List<Problem> out) {
        EnvironmentRules kind = kinds.apply(w.environment().kind()).orElseThrow();
        try {
            out.addAll(kind.validate(w));
        } catch (RuntimeException e) {
            // A kind's checks may assume the generic rules hold; report instead of failing the whole validation.
            LOG.warn("Environment kind {} failed while validating", kind.id(), e);
            out.add(new Problem("/environment", "environment kind \"" + kind.id()
                    + "\" could not check this workflow (fix the problems above first): " + e));
        }
    }

    private static void checkTraining(TrainingSettings t, List<Problem> out) {
        if (t == null) {
            out.add(new Problem("/training", "missing training settings"));
            return;
        }
        if (t.algorithm() == null || !TrainingSettings.ALGORITHMS.contains(t.algorithm())) {
            out.add(new Problem("/training/algorithm", "unknown algorithm \"" + t.algorithm() + "\""
                    + DidYouMean.suffix(String.valueOf(t.algorithm()), TrainingSettings.ALGORITHMS)
                    + " (known: " + String.join(", ", TrainingSettings.ALGORITHMS) + ")"));
        }
        if (!(t.gamma() > 0 && t.gamma() <= 1)) {
            out.add(new Problem("/training/gamma", "gamma must be in (0, 1], is " + num(t.gamma())));
        }
        if (t.handoffs() <= 0) {
            out.add(new Problem("/training/handoffs", "the budget of handoffs must be positive, is " + t.handoffs()));
        }
        if (t.evaluationWindow() != null && t.evaluationWindow() < 1) {
            out.add(new Problem("/training/evaluationWindow", "evaluationWindow must be at least 1, is " + t.evaluationWindow()));
        }
        EpsilonSpec e = t.epsilon();
        if (e == null) {
            out.add(new Problem("/training/epsilon", "missing exploration schedule (start, end, decayHandoffs)"));
        } else {
            if (!(e.start() >= 0 && e.start() <= 1)) {
                out.add(new Problem("/training/epsilon/start", "epsilon start must be in [0, 1], is " + num(e.start())));
            }
            if (!(e.end() >= 0 && e.end() <= 1)) {
                out.add(new Problem("/training/epsilon/end", "epsilon end must be in [0, 1], is " + num(e.end())));
            }
            if (e.decayHandoffs() < 0) {
                out.add(new Problem("/training/epsilon/decayHandoffs", "decayHandoffs must be 0 or more, is " + e.decayHandoffs()));
            }
        }
        checkStepSize(t.stepSize(), out);
        if (t.neural() != null) {
            out.addAll(t.neural().problems("/training/neural"));
        }
        if (t.seeds().isEmpty()) {
            out.add(new Problem("/training/seeds", "at least one seed is needed"));
        } else {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < t.seeds().size(); i++) {
                Long s = t.seeds().get(i);
                if (s != null && !seen.add(s)) {
                    out.add(new Problem("/training/seeds/" + i, "duplicate seed " + s));
                }
            }
        }
    }

    private static void checkStepSize(StepSizeSpec s, List<Problem> out) {
        String p = "/training/stepSize";
        if (s == null) {
            out.add(new Problem(p, "missing step-size schedule (" + String.join(", ", STEP_SIZE_KINDS) + ")"));
            return;
        }
        if (s.kind() == null || !STEP_SIZE_KINDS.contains(s.kind())) {
            out.add(new Problem(p + "/kind", "unknown step-size kind \"" + s.kind() + "\""
                    + DidYouMean.suffix(s.kind() == null ? "" : s.kind().toLowerCase(Locale.ROOT), STEP_SIZE_KINDS)
                    + " (known: " + String.join(", ", STEP_SIZE_KINDS) + ")"));
            return;
        }
        switch (s.kind()) {
            case "constant" -> {
                if (s.alpha() == null) {
                    out.add(new Problem(p + "/alpha", "a constant step size needs alpha"));
                } else if (!(s.alpha() > 0 && s.alpha() <= 1)) {
                    out.add(new Problem(p + "/alpha", "alpha must be in (0, 1], is " + num(s.alpha())));
                }
            }
            case "harmonic" -> {
                if (s.h() == null) {
                    out.add(new Problem(p + "/h", "a harmonic step size needs h"));
                } else if (!(s.h() > 0) || !Double.isFinite(s.h())) {
                    out.add(new Problem(p + "/h", "h must be positive, is " + num(s.h())));
                }
                if (s.n0() == null) {
                    out.add(new Problem(p + "/n0", "a harmonic step size needs n0"));
                } else if (!(s.n0() >= 0) || !Double.isFinite(s.n0())) {
                    out.add(new Problem(p + "/n0", "n0 must be 0 or more, is " + num(s.n0())));
                }
            }
            default -> {
                if (s.omega() == null) {
                    out.add(new Problem(p + "/omega", "a polynomial step size needs omega"));
                } else if (!(s.omega() > 0.5 && s.omega() <= 1)) {
                    out.add(new Problem(p + "/omega", "omega must be in (0.5, 1], is " + num(s.omega())));
                }
            }
        }
    }

    private static void checkLayout(Workflow w, Map<String, Integer> agents, List<Problem> out) {
        for (Map.Entry<String, Layout.Point> e : w.layout().positions().entrySet()) {
            String node = e.getKey();
            String p = JsonPointers.child("/layout/positions", node);
            if (!HandoffSpec.STOP.equals(node) && !agents.containsKey(node)) {
                out.add(new Problem(p, "position of unknown node \"" + node + "\"" + DidYouMean.suffix(node, agents.keySet())));
            }
            Layout.Point pt = e.getValue();
            if (pt == null || !Double.isFinite(pt.x()) || !Double.isFinite(pt.y())) {
                out.add(new Problem(p, "a position needs finite x and y"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
