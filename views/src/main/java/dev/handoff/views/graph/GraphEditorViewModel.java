package dev.handoff.views.graph;

import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.validation.ValidationViewModel;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.AgentClip;
import dev.handoff.workflow.edit.ConnectionRule;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.LayeredLayout;
import dev.handoff.workflow.edit.Names;
import dev.handoff.workflow.edit.NodePlacement;
import dev.handoff.workflow.edit.WorkflowEdit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The graph editor's behaviour: adding, moving, connecting, deleting, copy/cut/paste and auto-layout of agents, each
 * one undoable edit on the {@link DocumentViewModel}; and the {@link GraphSnapshot} the canvas draws.
 */
public final class GraphEditorViewModel {
    public static final double NODE_WIDTH = LayeredLayout.NODE_WIDTH;
    public static final double NODE_HEIGHT = LayeredLayout.NODE_HEIGHT;
    private static final double PASTE_STEP = 32;
    static final double MAX_SPREAD = NodePlacement.MAX_SCALE;

    private final DocumentViewModel document;
    private final SelectionModel selection;
    private final ValidationViewModel validation;
    private final ReadOnlyObjectWrapper<GraphSnapshot> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyBooleanWrapper canPaste = new ReadOnlyBooleanWrapper(this, "canPaste");
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(this, "canDelete");
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(this, "canCopy");
    private final javafx.beans.property.ReadOnlyIntegerWrapper overlapping =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "overlapping");
    private AgentClip clipboard;
    private int pasteCount;
    private double dragDx;
    private double dragDy;
    private boolean dragging;

    public GraphEditorViewModel(DocumentViewModel document, SelectionModel selection, ValidationViewModel validation) {
        this.document = document;
        this.selection = selection;
        this.validation = validation;
        document.documentProperty().addListener((obs, old, w) -> {
            selection.retain(id -> HandoffSpec.STOP.equals(id) || w.agentIndex(id) >= 0, w.handoffs()::contains);
            rebuild();
        });
        selection.selectionProperty().addListener((obs, old, s) -> rebuild());
        validation.problems().addListener((javafx.collections.ListChangeListener<Object>) c -> rebuild());
        rebuild();
    }

    // ---- state

    public ReadOnlyObjectProperty<GraphSnapshot> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public GraphSnapshot graph() {
        return graph.get();
    }

    public SelectionModel selection() {
        return selection;
    }

    public ReadOnlyBooleanProperty canPasteProperty() {
        return canPaste.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    /** How many nodes overlap another one as drawn (e.g. a layout made for smaller nodes); auto-layout fixes it. */
    public javafx.beans.property.ReadOnlyIntegerProperty overlappingProperty() {
        return overlapping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    /** Where a node is drawn (its top-left corner), including a drag in progress. */
    public Point positionOf(String nodeId) {
        GraphSnapshot.NodeItem n = graph.get().node(nodeId);
        return n == null ? null : new Point(n.x(), n.y());
    }

    // ---- commands

    /** Adds a fresh agent centred on a canvas point, selects it and returns its id. */
    public String addAgentAt(double centreX, double centreY) {
        Workflow w = document.document();
        AgentSpec agent = DocumentEdits.freshAgent(w);
        Point at = new Point(Math.round(centreX - NODE_WIDTH / 2), Math.round(centreY - NODE_HEIGHT / 2));
        WorkflowEdit add = DocumentEdits.addAgent(w, agent, at);
        // nodes drawn where the defaults put them are pinned there, so they do not jump once the layout is non-empty
        Workflow after = add.after();
        dev.handoff.workflow.Layout pinned = after.layout();
        for (GraphSnapshot.NodeItem n : graph.get().nodes()) {
            if (!w.layout().positions().containsKey(n.id())) {
                pinned = pinned.with(n.id(), new Point(n.x(), n.y()));
            }
        }
        add = new WorkflowEdit(add.description(), w, after.withLayout(pinned));
        document.execute(add);
        selection.selectOnly(agent.id());
        return agent.id();
    }

    /**
     * Adds a fresh agent at the free place nearest to a canvas point (the toolbar's "Add agent" uses the middle of the
     * view), so repeated adds line up instead of piling on top of each other.
     */
    public String addAgentNear(double centreX, double centreY) {
        double stepX = NODE_WIDTH + 64;
        double stepY = NODE_HEIGHT + 48;
        // fill a row to the right of the point, then the rows below it: new agents line up in reading order
        for (int row = 0; row < 12; row++) {
            for (int col = 0; col < 4; col++) {
                double cx = centreX + col * stepX;
                double cy = centreY + row * stepY;
                if (isFree(cx - NODE_WIDTH / 2, cy - NODE_HEIGHT / 2)) {
                    return addAgentAt(cx, cy);
                }
            }
        }
        return addAgentAt(centreX, centreY);
    }

    private boolean isFree(double x, double y) {
        for (GraphSnapshot.NodeItem n : graph.get().nodes()) {
            if (Math.abs(n.x() - x) < NODE_WIDTH + 16 && Math.abs(n.y() - y) < NODE_HEIGHT + 16) {
                return false;
            }
        }
        return true;
    }

    /** Starts dragging the selection; grabbing an unselected node selects just that node first. */
    public void beginDrag(String grabbedNode) {
        if (!selection.nodes().contains(grabbedNode)) {
            selection.selectOnly(grabbedNode);
        }
        dragging = true;
        dragDx = 0;
        dragDy = 0;
    }

    /** The selection follows the pointer; total offset since {@link #beginDrag}. Nothing is edited until the drop. */
    public void dragTo(double totalDx, double totalDy) {
        if (!dragging) {
            return;
        }
        dragDx = totalDx;
        dragDy = totalDy;
        rebuild();
    }

    /** Drops the dragged nodes: one "Move" edit for all of them. */
    public void endDrag() {
        if (!dragging) {
            return;
        }
        double dx = dragDx;
        double dy = dragDy;
        dragging = false;
        dragDx = 0;
        dragDy = 0;
        if (dx != 0 || dy != 0) {
            moveSelectionBy(dx, dy);
        } else {
            rebuild();
        }
    }

    /** Moves the selected nodes by an offset as one edit (also the arrow keys). */
    public void moveSelectionBy(double dx, double dy) {
        Map<String, Point> to = new LinkedHashMap<>();
        for (String id : selection.nodes()) {
            Point p = basePosition(id);
            if (p != null) {
                to.put(id, new Point(Math.round(p.x() + dx), Math.round(p.y() + dy)));
            }
        }
        if (!to.isEmpty()) {
            document.execute(DocumentEdits.move(document.document(), to));
        }
    }

    /** Whether a handoff {@code from → to} may be drawn; the reason when not (shown live while dragging). */
    public Optional<String> whyCannotConnect(String from, String to) {
        return ConnectionRule.whyNot(document.document(), from, to);
    }

    public boolean canConnect(String from, String to) {
        return whyCannotConnect(from, to).isEmpty();
    }

    /** Draws the handoff and selects it; false (nothing changes) when it is not allowed. */
    public boolean connect(String from, String to) {
        if (!canConnect(from, to)) {
            return false;
        }
        document.execute(DocumentEdits.connect(document.document(), from, to));
        selection.selectOnly(new HandoffSpec(from, to));
        return true;
    }

    public void deleteSelection() {
        if (!canDelete.get()) {
            return;
        }
        document.execute(DocumentEdits.delete(document.document(), selection.nodes(), selection.handoffs()));
        selection.clear();
    }

    public void copy() {
        AgentClip clip = AgentClip.of(document.document(), selection.nodes());
        if (!clip.isEmpty()) {
            clipboard = clip;
            pasteCount = 0;
            canPaste.set(true);
        }
    }

    public void cut() {
        copy();
        if (clipboard != null) {
            document.execute(DocumentEdits.delete(document.document(), clipboard.agents().stream().map(AgentSpec::id).toList(), List.of())
                    .withDescription("Cut " + describe(clipboard)));
            selection.clear();
            pasteCount = -1;
        }
    }

    /** Pastes the clipboard a little down and right of where it came from (further each time) and selects the copies. */
    public void paste() {
        if (clipboard == null) {
            return;
        }
        pasteCount++;
        Workflow before = document.document();
        double off = PASTE_STEP * pasteCount;
        var edit = DocumentEdits.paste(before, clipboard, off, off);
        document.execute(edit);
        Set<String> old = before.agents().stream().map(AgentSpec::id).collect(Collectors.toSet());
        selection.selectNodes(edit.after().agents().stream().map(AgentSpec::id).filter(id -> !old.contains(id)).toList());
    }

    public void selectAll() {
        List<String> ids = new ArrayList<>(document.document().agents().stream().map(AgentSpec::id).toList());
        ids.add(HandoffSpec.STOP);
        selection.selectNodes(ids);
    }

    /** Selects the nodes whose boxes intersect a canvas rectangle (rubber band); {@code additive} keeps the old ones. */
    public void selectInRectangle(double x0, double y0, double x1, double y1, boolean additive) {
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        List<String> hit = new ArrayList<>();
        for (GraphSnapshot.NodeItem n : graph.get().nodes()) {
            if (n.x() < maxX && n.x() + NODE_WIDTH > minX && n.y() < maxY && n.y() + NODE_HEIGHT > minY) {
                hit.add(n.id());
            }
        }
        if (additive) {
            selection.add(hit);
        } else {
            selection.selectNodes(hit);
        }
    }

    /**
     * Separates overlapping nodes ({@link NodePlacement#separated}): the drawing scaled up about its centre by the
     * smallest factor (at most {@value #MAX_SPREAD}) that separates them, and where that is not enough, each node moved
     * to the free place nearest to it. One undoable "Spread out"; returns the factor used (1 when nothing overlapped).
     */
    public double spreadOut() {
        Map<String, Point> now = new LinkedHashMap<>();
        graph.get().nodes().forEach(n -> now.put(n.id(), new Point(n.x(), n.y())));
        Map<String, Point> to = NodePlacement.separated(now);
        if (to == now) {
            return 1;
        }
        document.execute(DocumentEdits.move(document.document(), to).withDescription("Spread out"));
        double before = spread(now.values());
        return before == 0 ? MAX_SPREAD : Math.min(MAX_SPREAD, spread(to.values()) / before);
    }

    private static double spread(java.util.Collection<Point> ps) {
        double minX = ps.stream().mapToDouble(Point::x).min().orElse(0);
        double maxX = ps.stream().mapToDouble(Point::x).max().orElse(0);
        return maxX - minX;
    }

    /** Lays the whole graph out in layers (one undoable "Auto-layout"). */
    public void autoLayout() {
        document.execute(DocumentEdits.autoLayout(document.document()));
    }

    // ---- snapshot

    private static String describe(AgentClip clip) {
        return clip.agents().size() == 1 ? Names.of(clip.agents().get(0)) : clip.agents().size() + " agents";
    }

    private Point basePosition(String id) {
        return NodePlacement.of(document.document()).get(id);
    }

    private void rebuild() {
        Workflow w = document.document();
        Map<String, Point> placed = NodePlacement.of(w);
        Set<String> selected = new HashSet<>(selection.nodes());
        List<GraphSnapshot.NodeItem> nodes = new ArrayList<>();
        for (AgentSpec a : w.agents()) {
            nodes.add(node(a.id(), Names.of(a), subtitle(w, a), false, placed, selected));
        }
        nodes.add(node(HandoffSpec.STOP, "STOP", "ends the episode", true, placed, selected));
        List<GraphSnapshot.EdgeItem> edges = new ArrayList<>();
        for (HandoffSpec h : w.handoffs()) {
            edges.add(new GraphSnapshot.EdgeItem(h, h.label(), selection.handoffs().contains(h), validation.problemsFor(h)));
        }
        graph.set(new GraphSnapshot(nodes, edges));
        if (!dragging) {
            overlapping.set(countOverlapping(nodes));
        }
        canDelete.set(selection.handoffs().size() > 0 || selection.nodes().stream().anyMatch(id -> !HandoffSpec.STOP.equals(id)));
        canCopy.set(selection.nodes().stream().anyMatch(id -> !HandoffSpec.STOP.equals(id)));
    }

    private static int countOverlapping(List<GraphSnapshot.NodeItem> nodes) {
        return NodePlacement.overlapping(nodes.stream().map(n -> new Point(n.x(), n.y())).toList());
    }

    private GraphSnapshot.NodeItem node(String id, String title, String subtitle, boolean stop,
                                        Map<String, Point> placed, Set<String> selected) {
        Point p = placed.get(id);
        double x = p.x();
        double y = p.y();
        boolean isSelected = selected.contains(id);
        if (dragging && isSelected) {
            x += dragDx;
            y += dragDy;
        }
        return new GraphSnapshot.NodeItem(id, title, subtitle, stop, x, y, isSelected, validation.problemsFor(id));
    }

    /** "worker · sees progress" — the interface constraint, visible on the canvas. */
    private static String subtitle(Workflow w, AgentSpec a) {
        String role = a.role() == null || a.role().isBlank() ? "agent" : a.role();
        List<ObservationTerm> terms = a.observation() == null ? List.of() : a.observation().terms();
        String sees = terms.isEmpty() ? "sees nothing"
                : "sees " + terms.stream().map(ObservationTerm::feature).collect(Collectors.joining(", "));
        return role + " · " + sees;
    }
}
