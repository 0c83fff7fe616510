package dev.handoff.views.validation;

import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.graph.SelectionModel;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation on every edit: the problems of the current document, which node or handoff each one is about (from its
 * JSON path), and whether training may start, with a reason that names the problems when it may not.
 */
public final class ValidationViewModel {
    private static final Pattern AGENT_PATH = Pattern.compile("^/agents/(\\d+)(/.*)?$");
    private static final Pattern HANDOFF_PATH = Pattern.compile("^/handoffs/(\\d+)(/.*)?$");
    private static final int REASONS_SHOWN = 8;

    /** What a problem is about: a node (agent id), a handoff, or the workflow as a whole (both null). */
    public record Culprit(String nodeId, HandoffSpec handoff) {
    }

    private final Function<Workflow, List<Problem>> validator;
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper trainDisabled = new ReadOnlyBooleanWrapper(this, "trainDisabled", true);
    private final ReadOnlyStringWrapper trainDisabledReason = new ReadOnlyStringWrapper(this, "trainDisabledReason", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Map<String, List<String>> byNode = Map.of();
    private Map<HandoffSpec, List<String>> byHandoff = Map.of();
    private Workflow validated;

    public ValidationViewModel(DocumentViewModel document, Function<Workflow, List<Problem>> validator) {
        this.validator = validator;
        document.documentProperty().addListener((obs, old, w) -> revalidate(w));
        revalidate(document.document());
    }

    public ObservableList<Problem> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty trainDisabledProperty() {
        return trainDisabled.getReadOnlyProperty();
    }

    /** Why Train is disabled ("Fix 2 problems before training: …"); empty when training may start. */
    public ReadOnlyStringProperty trainDisabledReasonProperty() {
        return trainDisabledReason.getReadOnlyProperty();
    }

    /** "No problems" or "3 problems". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Messages of the problems about one node (agent id or STOP); empty when it is fine. */
    public List<String> problemsFor(String nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }

    public List<String> problemsFor(HandoffSpec handoff) {
        return byHandoff.getOrDefault(handoff, List.of());
    }

    public Culprit culpritOf(Problem p) {
        Workflow w = validated;
        Matcher m = AGENT_PATH.matcher(p.path() == null ? "" : p.path());
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < w.agents().size() ? new Culprit(w.agents().get(i).id(), null) : new Culprit(null, null);
        }
        Matcher h = HANDOFF_PATH.matcher(p.path() == null ? "" : p.path());
        if (h.matches()) {
            int i = Integer.parseInt(h.group(1));
            return i < w.handoffs().size() ? new Culprit(null, w.handoffs().get(i)) : new Culprit(null, null);
        }
        return new Culprit(null, null);
    }

    /** Selects what a problem is about (clicking a problem in the list); workflow-level problems clear the selection. */
    public void selectCulprit(Problem p, SelectionModel selection) {
        Culprit c = culpritOf(p);
        if (c.nodeId() != null) {
            selection.selectOnly(c.nodeId());
        } else if (c.handoff() != null) {
            selection.selectOnly(c.handoff());
        } else {
            selection.clear();
        }
    }

    private void revalidate(Workflow w) {
        validated = w;
        List<Problem> found = validator.apply(w);
        problems.setAll(found);
        Map<String, List<String>> nodes = new HashMap<>();
        Map<HandoffSpec, List<String>> edges = new HashMap<>();
        for (Problem p : found) {
            Culprit c = culpritOf(p);
            if (c.nodeId() != null) {
                nodes.computeIfAbsent(c.nodeId(), k -> new ArrayList<>()).add(p.message());
            } else if (c.handoff() != null) {
                edges.computeIfAbsent(c.handoff(), k -> new ArrayList<>()).add(p.message());
            }
        }
        byNode = nodes;
        byHandoff = edges;
        summary.set(found.isEmpty() ? "No problems" : found.size() + (found.size() == 1 ? " problem" : " problems"));
        trainDisabled.set(!found.isEmpty());
        if (found.isEmpty()) {
            trainDisabledReason.set("");
        } else {
            StringBuilder sb = new StringBuilder("Fix " + summary.get() + " before training:");
            for (int i = 0; i < Math.min(REASONS_SHOWN, found.size()); i++) {
                sb.append("\n• ").append(found.get(i));
            }
            if (found.size() > REASONS_SHOWN) {
                sb.append("\n… and ").append(found.size() - REASONS_SHOWN).append(" more");
            }
            trainDisabledReason.set(sb.toString());
        }
    }
}
