package dev.handoff.views.inspector;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.EnvironmentKinds;
import dev.handoff.train.Algorithm;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.graph.SelectionModel;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.PrivateStateSpec;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.Names;
import dev.handoff.workflow.edit.WorkflowEdit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The properties of the selection, as fields an inspector shows: the workflow's environment and training settings when
 * nothing (or STOP) is selected, an agent's settings, or a handoff's. Setting a field is one undoable edit; typing on
 * in the same field extends that edit instead of stacking one per keystroke.
 */
public final class InspectorViewModel {
    /** What the inspector is showing. */
    public enum Subject { WORKFLOW, AGENT, HANDOFF, MANY }

    /** The environment kinds this build can simulate. */
    public static final List<String> ENVIRONMENT_KINDS = EnvironmentKinds.all().stream().map(EnvironmentKind::id).toList();
    /** The learners this build can train. */
    public static final List<String> ALGORITHMS = Arrays.stream(Algorithm.values()).map(Algorithm::cliName).toList();
    public static final List<String> STEP_SIZES = StepSizeSpec.KINDS;

    private final DocumentViewModel document;
    private final SelectionModel selection;
    private final ObservableList<InspectorField> fields = FXCollections.observableArrayList();
    /** One read-only wrapper for good: a wrapper made per call would hold its listeners only weakly. */
    private final ObservableList<InspectorField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>(this, "subject", Subject.WORKFLOW);
    private String subjectKey = "";
    /** The run of edits in one field: its key, the document before it, and the document it has produced so far. */
    private String runKey;
    private Workflow runBase;
    private Workflow runAfter;

    public InspectorViewModel(DocumentViewModel document, SelectionModel selection) {
        this.document = document;
        this.selection = selection;
        document.documentProperty().addListener((o, a, b) -> refresh());
        selection.selectionProperty().addListener((o, a, b) -> {
            document.sealLastEdit();
            refresh();
        });
        refresh();
    }

    public ObservableList<InspectorField> fields() {
        return fieldsView;
    }

    /** "Workflow", "Agent · Solver", "Handoff · Solver → Verifier", "3 selected". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public InspectorField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No field " + key + " for " + heading.get()));
    }

    /** Sets a field to a new value: one undoable edit (merged with the previous one while the same field is edited). */
    public void set(String key, Object value) {
        InspectorField f = field(key);
        if (!f.editable() || value == null || value.equals(f.value())) {
            return;
        }
        String mergeKey = subjectKey + "#" + key;
        boolean continuing = mergeKey.equals(runKey) && document.document() == runAfter;
        Workflow base = continuing ? runBase : document.document();
        WorkflowEdit edit;
        try {
            edit = f.edit().apply(base, value);
        } catch (IllegalArgumentException notAValue) {
            return;
        }
        if (continuing && edit.after().equals(runBase)) {
            // the run of edits in this field ends where it began (0.9, then back to 0.95): it is no edit at all
            document.undo();
            runKey = null;
            return;
        }
        if (!continuing) {
            runKey = mergeKey;
            runBase = base;
        }
        document.execute(edit, mergeKey);
        runAfter = document.document();
    }

    private void refresh() {
        Workflow w = document.document();
        List<InspectorField> list = new ArrayList<>();
        var nodes = selection.nodes().stream().filter(id -> !HandoffSpec.STOP.equals(id)).toList();
        var handoffs = selection.handoffs();
        if (nodes.size() == 1 && handoffs.isEmpty() && w.agent(nodes.get(0)).isPresent()) {
            AgentSpec a = w.agent(nodes.get(0)).orElseThrow();
            subject.set(Subject.AGENT);
            subjectKey = "agent:" + a.id();
            heading.set("Agent · " + Names.of(a));
            agentFields(a, list);
        } else if (nodes.isEmpty() && handoffs.size() == 1) {
            HandoffSpec h = handoffs.iterator().next();
            subject.set(Subject.HANDOFF);
            subjectKey = "handoff:" + h.from() + ">" + h.to();
            heading.set("Handoff · " + Names.of(w, h));
            handoffFields(w, h, list);
        } else if (nodes.size() + handoffs.size() > 1) {
            subject.set(Subject.MANY);
            subjectKey = "many";
            heading.set((nodes.size() + handoffs.size()) + " selected");
        } else {
            subject.set(Subject.WORKFLOW);
            subjectKey = "workflow";
            boolean stopSelected = selection.nodes().contains(HandoffSpec.STOP);
            heading.set((stopSelected ? "STOP ends the episode · " : "") + "Workflow · " + (w.name() == null ? "Untitled" : w.name()));
            workflowFields(w, list);
        }
        fields.setAll(list);
    }

    private static void agentFields(AgentSpec a, List<InspectorField> out) {
        String id = a.id();
        out.add(field("agent.id", "Agent", "Id", "Stable identifier used by handoffs and files", String.class, a.id(), null));
        out.add(field("agent.name", "Agent", "Name", "Shown on the canvas", String.class, nz(a.name()),
                (w, v) -> DocumentEdits.rename(w, id, (String) v)));
        out.add(field("agent.role", "Agent", "Role", "What the agent does (documentation)", String.class, nz(a.role()),
                (w, v) -> DocumentEdits.setRole(w, id, (String) v)));
        String options = String.join(", ", a.options().stream().map(o -> o.name() == null ? o.id() : o.name()).toList());
        out.add(field("agent.options", "Agent", "Options", "Internal options o of the agent, comma-separated (quick, thorough)",
                String.class, options, (w, v) -> DocumentEdits.replaceAgent(w, agent(w, id).withOptions(parseOptions((String) v)),
                        "Set options of " + Names.of(agent(w, id)))));
        PrivateStateSpec p = a.privateState();
        out.add(field("agent.private.name", "Private state", "Name", "What only this agent knows (its queue, whether it is busy)",
                String.class, p == null ? "" : nz(p.name()), (w, v) -> {
                    PrivateStateSpec old = agent(w, id).privateState();
                    PrivateStateSpec next = new PrivateStateSpec((String) v, old == null ? 1 : old.values(), old == null ? null : old.description());
                    return DocumentEdits.replaceAgent(w, agent(w, id).withPrivateState(next), "Rename private state of " + Names.of(agent(w, id)));
                }));
        out.add(field("agent.private.values", "Private state", "Values", "Number of private-state values (1 = none)",
                Integer.class, p == null ? 1 : p.values(), (w, v) -> {
                    int n = ((Number) v).intValue();
                    if (n < 1) {
                        throw new IllegalArgumentException("at least one value");
                    }
                    PrivateStateSpec old = agent(w, id).privateState();
                    PrivateStateSpec next = new PrivateStateSpec(old == null ? "private" : old.name(), n, old == null ? null : old.description());
                    return DocumentEdits.replaceAgent(w, agent(w, id).withPrivateState(next),
                            "Set private-state values of " + Names.of(agent(w, id)) + " to " + n);
                }));
    }

    private static void handoffFields(Workflow w, HandoffSpec h, List<InspectorField> out) {
        out.add(field("handoff.from", "Handoff", "From", "The agent handing the artifact on", String.class, Names.of(w, h.from()), null));
        out.add(field("handoff.to", "Handoff", "To", "The agent receiving it (STOP ends the episode)", String.class, Names.of(w, h.to()), null));
        out.add(field("handoff.label", "Handoff", "Label", "Optional label drawn on the edge", String.class, nz(h.label()),
                (doc, v) -> DocumentEdits.setHandoffLabel(doc, current(doc, h), (String) v)));
    }

    private static void workflowFields(Workflow w, List<InspectorField> out) {
        out.add(field("workflow.name", "Workflow", "Name", "The workflow's name", String.class, nz(w.name()),
                (doc, v) -> DocumentEdits.setName(doc, (String) v)));
        EnvironmentSpec env = w.environment() == null ? new EnvironmentSpec("synthetic", Map.of()) : w.environment();
        out.add(new InspectorField("env.kind", "Environment", "Kind", "The experiment that simulates this workflow", String.class,
                nz(env.kind()), ENVIRONMENT_KINDS,
                (doc, v) -> DocumentEdits.setEnvironment(doc, new EnvironmentSpec((String) v, envOf(doc).parameters()), "Set environment to " + v)));
        for (Map.Entry<String, Object> e : env.parameters().entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short;
            Class<?> type = whole ? Long.class : value instanceof Number ? Double.class
                    : value instanceof Boolean ? Boolean.class : String.class;
            Object shown = whole ? (Object) ((Number) value).longValue() : value instanceof Number n ? (Object) n.doubleValue()
                    : value instanceof Boolean ? value : String.valueOf(value);
            boolean structured = value instanceof java.util.Collection || value instanceof Map;
            out.add(field("env.param." + key, "Environment", key, structured
                            ? "Parameter of the " + env.kind() + " kind (a list or table: edit it in the file)"
                            : "Parameter of the " + env.kind() + " kind", type, shown,
                    structured ? null : (doc, v) -> DocumentEdits.setEnvironment(doc, envOf(doc).with(key, v), "Set " + key + " to " + v)));
        }
        TrainingSettings t = w.training() == null
                ? new TrainingSettings("icq-tabular", 0.95, null, null, 0, null, null) : w.training();
        out.add(new InspectorField("train.algorithm", "Training", "Algorithm", "Which learner every agent runs", String.class,
                nz(t.algorithm()), ALGORITHMS, (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withAlgorithm((String) v),
                "Set algorithm to " + v)));
        out.add(field("train.gamma", "Training", "γ (discount)", "Discount per unit of time, in (0, 1)", Double.class, t.gamma(),
                (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withGamma(((Number) v).doubleValue()), "Set γ to " + v)));
        out.add(field("train.handoffs", "Training", "Budget (handoffs)", "How many handoffs to train for", Long.class, t.handoffs(),
                (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withHandoffs(((Number) v).longValue()), "Set budget to " + v + " handoffs")));
        out.add(field("train.seeds", "Training", "Seeds", "Comma-separated seeds; one run per seed", String.class,
                String.join(", ", t.seeds().stream().map(String::valueOf).toList()),
                (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withSeeds(parseSeeds((String) v)), "Set seeds to " + v)));
        StepSizeSpec s = t.stepSizeOrDefault(); // what the learner uses: the inspector shows no default of its own
        out.add(new InspectorField("train.step.kind", "Step size α(n)", "Schedule", "constant α, harmonic h/(n+n0), polynomial (1+n)^-ω",
                String.class, nz(s.kind()), STEP_SIZES, (doc, v) -> DocumentEdits.setTraining(doc,
                trainingOf(doc).withStepSize(StepSizeSpec.defaultOf((String) v)), "Set step size to " + v)));
        StepSizeSpec shown = StepSizeSpec.KINDS.contains(s.kind()) ? s.withDefaults() : s;
        switch (s.kind() == null ? "" : s.kind()) {
            case "constant" -> out.add(field("train.step.alpha", "Step size α(n)", "α", "Constant step size", Double.class,
                    shown.alpha(), (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc)
                            .withStepSize(StepSizeSpec.constant(((Number) v).doubleValue())), "Set α to " + v)));
            case "harmonic" -> {
                out.add(field("train.step.h", "Step size α(n)", "h", "α = min(1, h/(n + n0))", Double.class, shown.h(),
                        (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withStepSize(
                                StepSizeSpec.harmonic(((Number) v).doubleValue(), n0(doc))), "Set h to " + v)));
                out.add(field("train.step.n0", "Step size α(n)", "n0", "α = min(1, h/(n + n0))", Double.class, shown.n0(),
                        (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withStepSize(
                                StepSizeSpec.harmonic(h(doc), ((Number) v).doubleValue())), "Set n0 to " + v)));
            }
            case "polynomial" -> out.add(field("train.step.omega", "Step size α(n)", "ω", "α = (1 + n)^-ω, ω in (1/2, 1]", Double.class,
                    shown.omega(), (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc)
                            .withStepSize(StepSizeSpec.polynomial(((Number) v).doubleValue())), "Set ω to " + v)));
            default -> { }
        }
        EpsilonSpec e = t.epsilonOrDefault();
        out.add(field("train.eps.start", "Exploration ε", "Start", "ε at the first handoff", Double.class, e.start(),
                (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withEpsilon(new EpsilonSpec(((Number) v).doubleValue(),
                        eps(doc).end(), eps(doc).decayHandoffs())), "Set ε start to " + v)));
        out.add(field("train.eps.end", "Exploration ε", "End", "ε after the decay", Double.class, e.end(),
                (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withEpsilon(new EpsilonSpec(eps(doc).start(),
                        ((Number) v).doubleValue(), eps(doc).decayHandoffs())), "Set ε end to " + v)));
        out.add(field("train.eps.decay", "Exploration ε", "Decay (handoffs)", "Linear decay from start to end over this many handoffs",
                Long.class, e.decayHandoffs(), (doc, v) -> DocumentEdits.setTraining(doc, trainingOf(doc).withEpsilon(
                        new EpsilonSpec(eps(doc).start(), eps(doc).end(), ((Number) v).longValue())), "Set ε decay to " + v)));
        NeuralSettingsFields.add(t, out);
    }

    private static InspectorField field(String key, String category, String name, String description, Class<?> type, Object value,
                                        BiFunction<Workflow, Object, WorkflowEdit> edit) {
        return new InspectorField(key, category, name, description, type, value, List.of(), edit);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static AgentSpec agent(Workflow w, String id) {
        return w.agent(id).orElseThrow(() -> new IllegalArgumentException("agent " + id + " is gone"));
    }

    private static HandoffSpec current(Workflow w, HandoffSpec h) {
        return w.handoffs().stream().filter(x -> x.from().equals(h.from()) && x.to().equals(h.to())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("handoff is gone"));
    }

    private static EnvironmentSpec envOf(Workflow w) {
        return w.environment() == null ? new EnvironmentSpec("synthetic", Map.of()) : w.environment();
    }

    static TrainingSettings trainingOf(Workflow w) {
        return w.training() == null ? new TrainingSettings("icq-tabular", 0.95, null, null, 0, null, null) : w.training();
    }

    private static EpsilonSpec eps(Workflow w) {
        return trainingOf(w).epsilonOrDefault();
    }

    private static double h(Workflow w) {
        return harmonicOf(w).h();
    }

    private static double n0(Workflow w) {
        return harmonicOf(w).n0();
    }

    /** The document's harmonic schedule with the values it leaves out at their defaults. */
    private static StepSizeSpec harmonicOf(Workflow w) {
        StepSizeSpec s = trainingOf(w).stepSizeOrDefault();
        return "harmonic".equals(s.kind()) ? s.withDefaults() : StepSizeSpec.defaultOf("harmonic");
    }

    static List<OptionSpec> parseOptions(String text) {
        List<OptionSpec> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (!name.isEmpty()) {
                String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                out.add(new OptionSpec(id.isEmpty() ? "option-" + (out.size() + 1) : id, name, null));
            }
        }
        return out;
    }

    static List<Long> parseSeeds(String text) {
        try {
            List<Long> seeds = Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("no seeds");
            }
            return seeds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds are whole numbers", e);
        }
    }
}
