package dev.handoff.views.graph;

import dev.handoff.workflow.HandoffSpec;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the user has selected on the canvas: nodes (agent ids or STOP) and handoffs. Immutable snapshots in one
 * property, so a listener sees one change per gesture.
 */
public final class SelectionModel {
    /** One selection state. */
    public record Selection(Set<String> nodes, Set<HandoffSpec> handoffs) {
        public static final Selection EMPTY = new Selection(Set.of(), Set.of());

        public Selection {
            nodes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
            handoffs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(handoffs));
        }

        public boolean isEmpty() {
            return nodes.isEmpty() && handoffs.isEmpty();
        }
    }

    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection", Selection.EMPTY);

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection get() {
        return selection.get();
    }

    public Set<String> nodes() {
        return selection.get().nodes();
    }

    public Set<HandoffSpec> handoffs() {
        return selection.get().handoffs();
    }

    public void clear() {
        selection.set(Selection.EMPTY);
    }

    public void selectOnly(String nodeId) {
        selection.set(new Selection(Set.of(nodeId), Set.of()));
    }

    public void selectOnly(HandoffSpec handoff) {
        selection.set(new Selection(Set.of(), Set.of(handoff)));
    }

    public void selectNodes(Collection<String> ids) {
        selection.set(new Selection(new LinkedHashSet<>(ids), Set.of()));
    }

    /** Adds or removes one node (Shift/Ctrl-click). */
    public void toggle(String nodeId) {
        Set<String> nodes = new LinkedHashSet<>(nodes());
        if (!nodes.remove(nodeId)) {
            nodes.add(nodeId);
        }
        selection.set(new Selection(nodes, handoffs()));
    }

    public void toggle(HandoffSpec h) {
        Set<HandoffSpec> hs = new LinkedHashSet<>(handoffs());
        if (!hs.remove(h)) {
            hs.add(h);
        }
        selection.set(new Selection(nodes(), hs));
    }

    public void add(Collection<String> ids) {
        Set<String> nodes = new LinkedHashSet<>(nodes());
        nodes.addAll(ids);
        selection.set(new Selection(nodes, handoffs()));
    }

    /** Drops what no longer exists (after a delete or an undo). */
    public void retain(Predicate<String> nodeExists, Predicate<HandoffSpec> handoffExists) {
        Selection s = selection.get();
        Set<String> nodes = new LinkedHashSet<>(s.nodes());
        nodes.removeIf(nodeExists.negate());
        Set<HandoffSpec> hs = new LinkedHashSet<>(s.handoffs());
        hs.removeIf(handoffExists.negate());
        if (nodes.size() != s.nodes().size() || hs.size() != s.handoffs().size()) {
            selection.set(new Selection(nodes, hs));
        }
    }
}
