package dev.handoff.views.graph;

import dev.handoff.views.Fixtures;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.WorkflowEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraphEditorViewModelTest {
    private EditorViewModel editor;
    private DocumentViewModel doc;
    private GraphEditorViewModel graph;

    @BeforeEach
    void setUp() {
        editor = Fixtures.editor();
        doc = editor.document();
        graph = editor.graph();
    }

    private static void assertNoOverlap(GraphSnapshot g) {
        List<GraphSnapshot.NodeItem> n = g.nodes();
        for (int i = 0; i < n.size(); i++) {
            for (int j = i + 1; j < n.size(); j++) {
                boolean overlap = Math.abs(n.get(i).x() - n.get(j).x()) < GraphEditorViewModel.NODE_WIDTH
                        && Math.abs(n.get(i).y() - n.get(j).y()) < GraphEditorViewModel.NODE_HEIGHT;
                assertThat(overlap).as("%s overlaps %s", n.get(i).id(), n.get(j).id()).isFalse();
            }
        }
    }

    @Test
    void addAgentAtAPointCentresItThereSelectsItAndUndoRemovesIt() {
        String id = graph.addAgentAt(300, 200);
        Point p = graph.positionOf(id);
        assertThat(p.x() + GraphEditorViewModel.NODE_WIDTH / 2).isCloseTo(300, org.assertj.core.data.Offset.offset(1.0));
        assertThat(graph.selection().nodes()).containsExactly(id);
        assertThat(doc.undoDescriptionProperty().get()).startsWith("Add agent ");
        doc.undo();
        assertThat(doc.document().agents()).isEmpty();
        assertThat(graph.selection().nodes()).isEmpty();
        assertThat(graph.graph().nodes()).extracting(GraphSnapshot.NodeItem::id).containsExactly(HandoffSpec.STOP);
    }

    @Test
    void draggingMovesTheSelectionLiveAndCommitsOneMoveOnDrop() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(400, 100);
        graph.selection().selectNodes(List.of(a, b));
        Point a0 = graph.positionOf(a);
        graph.beginDrag(a);
        graph.dragTo(30, 40);
        assertThat(graph.positionOf(b)).isEqualTo(new Point(graph.positionOf(b).x(), graph.positionOf(b).y()));
        assertThat(graph.positionOf(a)).isEqualTo(new Point(a0.x() + 30, a0.y() + 40));
        assertThat(doc.document().layout().positions().get(a)).isEqualTo(a0);
        graph.endDrag();
        assertThat(doc.document().layout().positions().get(a)).isEqualTo(new Point(a0.x() + 30, a0.y() + 40));
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Move 2 nodes");
        doc.undo();
        assertThat(graph.positionOf(a)).isEqualTo(a0);
    }

    @Test
    void grabbingAnUnselectedNodeSelectsOnlyIt() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(400, 100);
        graph.selection().selectOnly(a);
        graph.beginDrag(b);
        graph.endDrag();
        assertThat(graph.selection().nodes()).containsExactly(b);
        assertThat(doc.undoDescriptionProperty().get()).startsWith("Add agent");
    }

    @Test
    void connectDrawsTheHandoffNamedAfterBothAgentsAndUndoRemovesIt() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(400, 100);
        assertThat(graph.canConnect(a, b)).isTrue();
        assertThat(graph.connect(a, b)).isTrue();
        assertThat(doc.document().successors(a)).containsExactly(b);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Connect Agent 1 → Agent 2");
        assertThat(graph.selection().handoffs()).containsExactly(new HandoffSpec(a, b));
        doc.undo();
        assertThat(doc.document().handoffs()).isEmpty();
        assertThat(graph.selection().handoffs()).isEmpty();
    }

    @Test
    void canConnectTellsWhyNot() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(400, 100);
        graph.connect(a, b);
        assertThat(graph.whyCannotConnect(a, a)).contains("An agent hands the artifact on to another agent, not to itself");
        assertThat(graph.whyCannotConnect(a, b)).contains("Agent 1 already hands off to Agent 2");
        assertThat(graph.whyCannotConnect(HandoffSpec.STOP, a)).get().asString().contains("STOP ends the episode");
        assertThat(graph.connect(a, b)).isFalse();
        assertThat(doc.document().handoffs()).hasSize(1);
    }

    @Test
    void deleteSelectionRemovesAgentsWithTheirHandoffsAndUndoBringsThemBack() {
        doc.execute(new WorkflowEdit("Load ring", doc.document(), DocumentEdits.autoLayout(Fixtures.ring10()).after()));
        Workflow before = doc.document();
        graph.selection().selectNodes(List.of("a0", "a1"));
        graph.deleteSelection();
        assertThat(doc.document().agents()).hasSize(8);
        assertThat(doc.document().handoffs()).noneMatch(h -> h.from().equals("a0") || h.to().equals("a0"));
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Delete 2 agents");
        doc.undo();
        assertThat(doc.document()).isEqualTo(before);
    }

    @Test
    void stopAloneCannotBeDeleted() {
        graph.selection().selectOnly(HandoffSpec.STOP);
        assertThat(graph.canDeleteProperty().get()).isFalse();
        graph.deleteSelection();
        assertThat(doc.canUndoProperty().get()).isFalse();
    }

    @Test
    void copyPasteDuplicatesAgentsWithInnerHandoffsAtTheSameRelativePlaces() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(400, 160);
        graph.connect(a, b);
        graph.selection().selectNodes(List.of(a, b));
        assertThat(graph.canPasteProperty().get()).isFalse();
        graph.copy();
        assertThat(graph.canPasteProperty().get()).isTrue();
        graph.paste();
        Workflow w = doc.document();
        assertThat(w.agents()).hasSize(4);
        List<String> pasted = List.copyOf(graph.selection().nodes());
        assertThat(pasted).hasSize(2).doesNotContain(a, b);
        assertThat(w.successors(pasted.get(0))).containsExactly(pasted.get(1));
        Point pa = graph.positionOf(a);
        Point pb = graph.positionOf(b);
        Point qa = graph.positionOf(pasted.get(0));
        Point qb = graph.positionOf(pasted.get(1));
        assertThat(qb.x() - qa.x()).isEqualTo(pb.x() - pa.x());
        assertThat(qb.y() - qa.y()).isEqualTo(pb.y() - pa.y());
        assertThat(qa).isNotEqualTo(pa);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Paste 2 agents");
        doc.undo();
        assertThat(doc.document().agents()).hasSize(2);
    }

    @Test
    void cutRemovesTheAgentsAsOneNamedStepAndPasteBringsCopiesBack() {
        String a = graph.addAgentAt(100, 100);
        graph.selection().selectOnly(a);
        graph.cut();
        assertThat(doc.document().agents()).isEmpty();
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Cut Agent 1");
        graph.paste();
        assertThat(doc.document().agents()).extracting(AgentSpec::name).containsExactly("Agent 1");
        doc.undo();
        doc.undo();
        assertThat(doc.document().agents()).hasSize(1);
    }

    @Test
    void rubberBandSelectsTheNodesItTouches() {
        String a = graph.addAgentAt(100, 100);
        String b = graph.addAgentAt(600, 100);
        graph.selectInRectangle(0, 0, 250, 250, false);
        assertThat(graph.selection().nodes()).containsExactly(a);
        graph.selectInRectangle(500, 0, 700, 250, true);
        assertThat(graph.selection().nodes()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void autoLayoutIsOneUndoableStepAndLeavesNoOverlaps() {
        Workflow ring = Fixtures.ring10();
        doc.execute(new WorkflowEdit("Load ring", doc.document(), ring));
        graph.autoLayout();
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Auto-layout");
        assertNoOverlap(graph.graph());
        assertThat(doc.document().layout().positions()).hasSize(11);
        doc.undo();
        assertThat(doc.document()).isEqualTo(ring);
    }

    @Test
    void nodesCarryValidationProblemsAsBadges() {
        String a = graph.addAgentAt(100, 100);
        GraphSnapshot.NodeItem n = graph.graph().node(a);
        assertThat(n.problems()).isNotEmpty();
        assertThat(n.subtitle()).contains("sees nothing");
    }

    @Test
    void selectAllIncludesStop() {
        graph.addAgentAt(100, 100);
        graph.selectAll();
        assertThat(graph.selection().nodes()).hasSize(2).contains(HandoffSpec.STOP);
    }

    @Test
    void addingNearTheSamePointNeverStacksAgents() {
        for (int i = 0; i < 9; i++) {
            graph.addAgentNear(500, 400);
        }
        assertThat(doc.document().agents()).hasSize(9);
        assertNoOverlap(graph.graph());
    }

    @Test
    void overlappingNodesAreCountedAndAutoLayoutClearsThem() {
        Workflow ring = Fixtures.ring10();
        dev.handoff.workflow.Layout squeezed = dev.handoff.workflow.Layout.EMPTY;
        for (int i = 0; i < 10; i++) {
            squeezed = squeezed.with("a" + i, new Point(20 * i, 10 * i));
        }
        doc.execute(new WorkflowEdit("Load squeezed ring", doc.document(), ring.withLayout(squeezed)));
        assertThat(graph.overlappingProperty().get()).isEqualTo(10);
        graph.autoLayout();
        assertThat(graph.overlappingProperty().get()).isZero();
    }

    @Test
    void spreadingOutAGridKeepsItsShapeAndSeparatesTheNodes() {
        Workflow ring = Fixtures.ring10();
        dev.handoff.workflow.Layout grid = dev.handoff.workflow.Layout.EMPTY;
        for (int i = 0; i < 10; i++) {
            grid = grid.with("a" + i, new Point(90 * (i % 5), 80 * (i / 5)));
        }
        grid = grid.with(HandoffSpec.STOP, new Point(500, 0));
        doc.execute(new WorkflowEdit("Load grid", doc.document(), ring.withLayout(grid)));
        assertThat(graph.overlappingProperty().get()).isPositive();
        double factor = graph.spreadOut();
        assertThat(factor).isGreaterThan(1).isLessThanOrEqualTo(GraphEditorViewModel.MAX_SPREAD);
        assertThat(graph.overlappingProperty().get()).isZero();
        Point p0 = graph.positionOf("a0");
        Point p1 = graph.positionOf("a1");
        Point p5 = graph.positionOf("a5");
        assertThat(p1.y()).isEqualTo(p0.y());
        assertThat(p5.x()).isEqualTo(p0.x());
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Spread out");
        doc.undo();
        assertThat(graph.overlappingProperty().get()).isPositive();
    }

    @Test
    void arrowKeysMoveTheSelectionAsOneEdit() {
        String a = graph.addAgentAt(100, 100);
        Point p = graph.positionOf(a);
        graph.moveSelectionBy(10, 0);
        assertThat(graph.positionOf(a)).isEqualTo(new Point(p.x() + 10, p.y()));
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Move Agent 1");
    }
}
