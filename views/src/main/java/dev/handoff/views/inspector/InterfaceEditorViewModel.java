package dev.handoff.views.inspector;

import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.graph.SelectionModel;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.Names;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * The interface observation editor: for the selected agent i, which artifact features its view φ_i includes, how real
 * features are binned, whether it sees its private state, and a live count of the distinct views that gives — the
 * paper's interface constraint made visible. Every change is one undoable edit.
 */
public final class InterfaceEditorViewModel {
    public static final int DEFAULT_BINS = 4;

    private final DocumentViewModel document;
    private final SelectionModel selection;
    private final ToLongBiFunction<ArtifactSchema, AgentSpec> viewCounter;
    private final ObservableList<FeatureRow> rows = FXCollections.observableArrayList();
    /** One read-only wrapper for good: a wrapper made per call would hold its listeners only weakly. */
    private final ObservableList<FeatureRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper seesPrivateState = new ReadOnlyBooleanWrapper(this, "seesPrivateState");
    private final ReadOnlyBooleanWrapper hasPrivateState = new ReadOnlyBooleanWrapper(this, "hasPrivateState");
    private final ReadOnlyStringWrapper privateStateLabel = new ReadOnlyStringWrapper(this, "privateStateLabel", "");
    private final ReadOnlyLongWrapper viewCount = new ReadOnlyLongWrapper(this, "viewCount");
    private final ReadOnlyStringWrapper viewCountText = new ReadOnlyStringWrapper(this, "viewCountText", "");
    private final ReadOnlyStringWrapper agentName = new ReadOnlyStringWrapper(this, "agentName", "");
    private String agentId;

    /**
     * @param viewCounter the number of distinct views an agent's interface yields on a schema (the compiled
     *                    interface map's view count); negative when the interface does not compile
     */
    public InterfaceEditorViewModel(DocumentViewModel document, SelectionModel selection,
                                    ToLongBiFunction<ArtifactSchema, AgentSpec> viewCounter) {
        this.document = document;
        this.selection = selection;
        this.viewCounter = viewCounter;
        document.documentProperty().addListener((o, a, b) -> refresh());
        selection.selectionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObservableList<FeatureRow> rows() {
        return rowsView;
    }

    /** True when exactly one agent is selected. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty seesPrivateStateProperty() {
        return seesPrivateState.getReadOnlyProperty();
    }

    /** False when the agent's private state has a single value (seeing it or not changes nothing). */
    public ReadOnlyBooleanProperty hasPrivateStateProperty() {
        return hasPrivateState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty privateStateLabelProperty() {
        return privateStateLabel.getReadOnlyProperty();
    }

    /** Number of distinct views |Z_i| the agent can tell apart. */
    public ReadOnlyLongProperty viewCountProperty() {
        return viewCount.getReadOnlyProperty();
    }

    /** "progress 6 × private state 2 = 12 distinct views". */
    public ReadOnlyStringProperty viewCountTextProperty() {
        return viewCountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentNameProperty() {
        return agentName.getReadOnlyProperty();
    }

    public FeatureRow row(String feature) {
        return rows.stream().filter(r -> r.feature().equals(feature)).findFirst().orElseThrow();
    }

    // ---- commands

    /** Ticks or unticks a feature in the agent's view (a real feature starts with {@value #DEFAULT_BINS} bins). */
    public void setVisible(String feature, boolean visible) {
        AgentSpec a = agent();
        if (a == null) {
            return;
        }
        InterfaceSpec obs = observation(a);
        List<ObservationTerm> terms = new ArrayList<>(obs.terms());
        boolean present = terms.stream().anyMatch(t -> t.feature().equals(feature));
        if (visible == present) {
            return;
        }
        if (visible) {
            FeatureSpec f = schema().features().get(schema().indexOf(feature));
            terms.add(f.type() == FeatureType.REAL ? ObservationTerm.binned(feature, DEFAULT_BINS) : ObservationTerm.select(feature));
            terms.sort((x, y) -> Integer.compare(schema().indexOf(x.feature()), schema().indexOf(y.feature())));
        } else {
            terms.removeIf(t -> t.feature().equals(feature));
        }
        document.execute(DocumentEdits.setObservation(document.document(), a.id(), obs.withTerms(terms),
                (visible ? "Show " : "Hide ") + feature));
    }

    /** Sets the number of equal-width bins of a real feature the agent sees. */
    public void setBins(String feature, int bins) {
        AgentSpec a = agent();
        if (a == null || bins < 1) {
            return;
        }
        InterfaceSpec obs = observation(a);
        List<ObservationTerm> terms = new ArrayList<>(obs.terms());
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).feature().equals(feature)) {
                terms.set(i, terms.get(i).withBins(bins));
            }
        }
        document.execute(DocumentEdits.setObservation(document.document(), a.id(), obs.withTerms(terms),
                "Bin " + feature + " into " + bins), "bins:" + a.id() + ":" + feature);
    }

    public void setSeesPrivateState(boolean sees) {
        AgentSpec a = agent();
        if (a == null || observation(a).privateStateIncluded() == sees) {
            return;
        }
        InterfaceSpec next = new InterfaceSpec(observation(a).terms(), sees);
        document.execute(DocumentEdits.setObservation(document.document(), a.id(), next,
                (sees ? "Show" : "Hide") + " private state"));
    }

    // ---- state

    private AgentSpec agent() {
        return agentId == null ? null : document.document().agent(agentId).orElse(null);
    }

    private ArtifactSchema schema() {
        Workflow w = document.document();
        return w.artifact() == null ? new ArtifactSchema(List.of()) : w.artifact();
    }

    private static InterfaceSpec observation(AgentSpec a) {
        return a.observation() == null ? new InterfaceSpec(List.of(), true) : a.observation();
    }

    private void refresh() {
        Workflow w = document.document();
        var agents = selection.nodes().stream().filter(id -> !HandoffSpec.STOP.equals(id)).toList();
        AgentSpec a = agents.size() == 1 && selection.handoffs().isEmpty() ? w.agent(agents.get(0)).orElse(null) : null;
        agentId = a == null ? null : a.id();
        active.set(a != null);
        if (a == null) {
            rows.clear();
            agentName.set("");
            viewCount.set(0);
            viewCountText.set("");
            return;
        }
        agentName.set(Names.of(a));
        InterfaceSpec obs = observation(a);
        List<FeatureRow> list = new ArrayList<>();
        List<String> factors = new ArrayList<>();
        for (FeatureSpec f : schema().features()) {
            ObservationTerm term = obs.terms().stream().filter(t -> t.feature().equals(f.name())).findFirst().orElse(null);
            int values = term == null ? 1 : termValues(f, term);
            if (term != null) {
                factors.add(f.name() + " " + (values > 0 ? values : "?"));
            }
            list.add(new FeatureRow(f.name(), f.type().json(), range(f), f.description() == null ? "" : f.description(),
                    term != null, f.type() == FeatureType.REAL, term == null ? null : term.bins(), values));
        }
        rows.setAll(list);
        seesPrivateState.set(obs.privateStateIncluded());
        String ps = a.privateState() == null || a.privateState().name() == null ? "private state" : a.privateState().name();
        hasPrivateState.set(a.privateStateCount() > 1);
        privateStateLabel.set(a.privateStateCount() > 1
                ? "Sees its own " + ps + " (" + a.privateStateCount() + " values)"
                : "Has no private state to see");
        if (obs.privateStateIncluded() && a.privateStateCount() > 1) {
            factors.add(ps + " " + a.privateStateCount());
        }
        long count = viewCounter.applyAsLong(schema(), a);
        viewCount.set(count);
        String product = factors.isEmpty() ? "nothing" : String.join(" × ", factors);
        viewCountText.set(count < 0 ? product + ": the interface does not compile (see Problems)"
                : product + " = " + count + (count == 1 ? " distinct view" : " distinct views"));
    }

    private static String range(FeatureSpec f) {
        return switch (f.type()) {
            case BOOL -> "0/1";
            case CATEGORY -> String.join(" | ", f.categories());
            case INT -> (long) f.lo() + "…" + (long) f.hi();
            case REAL -> f.lo() + "…" + f.hi();
        };
    }

    /** Values one term contributes (0 for a real feature that is not binned: it cannot be tabulated). */
    static int termValues(FeatureSpec f, ObservationTerm t) {
        if (t.bins() != null) {
            return t.bins();
        }
        double lo = t.clampMin() == null ? f.lo() : Math.max(f.lo(), t.clampMin());
        double hi = t.clampMax() == null ? f.hi() : Math.min(f.hi(), t.clampMax());
        int n = f.type() == FeatureType.REAL ? 0 : (int) Math.max(0, Math.round(hi) - Math.round(lo) + 1);
        if (t.modulo() != null && t.modulo() > 0) {
            n = n == 0 ? t.modulo() : Math.min(n, t.modulo());
        }
        return n;
    }
}
