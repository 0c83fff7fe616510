package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentEditsTest {
    private final Workflow pair = TinyWorkflows.solverVerifier();

    private static void assertUndoRestores(WorkflowEdit edit, Workflow before) {
        Workflow after = edit.apply(before);
        assertThat(after).isNotEqualTo(before);
        assertThat(edit.isExecutable()).isTrue();
        assertThat(edit.undo(after)).isEqualTo(before);
        assertThat(edit.redo(before)).isEqualTo(after);
    }

    @Test
    void connectAddsTheHandoffAndIsNamedAfterBothAgents() {
        WorkflowEdit edit = DocumentEdits.connect(pair, "solver", "verifier");
        assertThat(edit.description()).isEqualTo("Connect Solver → Verifier");
        assertThat(edit.apply(pair).successors("solver")).containsExactly("verifier");
        assertUndoRestores(edit, pair);
    }

    @Test
    void connectRefusesADuplicateWithTheReason() {
        assertThatThrownBy(() -> DocumentEdits.connect(pair, "verifier", HandoffSpec.STOP))
                .hasMessage("Verifier already hands off to STOP");
    }

    @Test
    void addAgentPlacesItAndUndoRemovesIt() {
        AgentSpec fresh = DocumentEdits.freshAgent(pair);
        WorkflowEdit edit = DocumentEdits.addAgent(pair, fresh, new Point(10, 20));
        Workflow after = edit.apply(pair);
        assertThat(edit.description()).isEqualTo("Add agent Agent 3");
        assertThat(after.agent(fresh.id())).isPresent();
        assertThat(after.layout().positions()).containsEntry(fresh.id(), new Point(10, 20));
        assertUndoRestores(edit, pair);
    }

    @Test
    void freshAgentsGetIdsAndNamesNotYetTaken() {
        Workflow w = DocumentEdits.addAgent(pair, DocumentEdits.freshAgent(pair), new Point(0, 0)).after();
        AgentSpec next = DocumentEdits.freshAgent(w);
        assertThat(w.agentIndex(next.id())).isNegative();
        assertThat(w.agents()).extracting(AgentSpec::name).doesNotContain(next.name());
    }

    @Test
    void moveOfSeveralNodesIsOneEditCountingThem() {
        WorkflowEdit edit = DocumentEdits.move(pair, Map.of("solver", new Point(5, 5), "verifier", new Point(9, 9)));
        assertThat(edit.description()).isEqualTo("Move 2 nodes");
        assertThat(edit.after().layout().positions()).containsEntry("verifier", new Point(9, 9));
        assertUndoRestores(edit, pair);
        assertThat(DocumentEdits.move(pair, Map.of("solver", new Point(1, 1))).description()).isEqualTo("Move Solver");
    }

    @Test
    void moveToTheSamePlaceIsNotExecutable() {
        assertThat(DocumentEdits.move(pair, Map.of("solver", new Point(0, 0))).isExecutable()).isFalse();
    }

    @Test
    void deletingAnAgentTakesItsHandoffsAndPositionWithIt() {
        Workflow connected = DocumentEdits.connect(pair, "solver", "verifier").after();
        WorkflowEdit edit = DocumentEdits.delete(connected, Set.of("verifier"), List.of());
        Workflow after = edit.after();
        assertThat(edit.description()).isEqualTo("Delete Verifier");
        assertThat(after.agents()).extracting(AgentSpec::id).containsExactly("solver");
        assertThat(after.handoffs()).isEmpty();
        assertThat(after.layout().positions()).doesNotContainKey("verifier");
        assertUndoRestores(edit, connected);
    }

    @Test
    void deletingOneHandoffNamesIt() {
        WorkflowEdit edit = DocumentEdits.delete(pair, Set.of(), List.of(new HandoffSpec("verifier", HandoffSpec.STOP)));
        assertThat(edit.description()).isEqualTo("Delete handoff Verifier → STOP");
        assertThat(edit.after().handoffs()).isEmpty();
        assertUndoRestores(edit, pair);
    }

    @Test
    void stopCannotBeDeleted() {
        assertThat(DocumentEdits.delete(pair, Set.of(HandoffSpec.STOP), List.of()).isExecutable()).isFalse();
    }

    @Test
    void pasteKeepsRelativePositionsAndInnerHandoffsWithFreshIdsAndNames() {
        Workflow connected = DocumentEdits.connect(pair, "solver", "verifier").after();
        AgentClip clip = AgentClip.of(connected, Set.of("solver", "verifier"));
        WorkflowEdit edit = DocumentEdits.paste(connected, clip, 40, 60);
        Workflow after = edit.after();
        assertThat(edit.description()).isEqualTo("Paste 2 agents");
        assertThat(after.agents()).extracting(AgentSpec::name)
                .containsExactly("Solver", "Verifier", "Solver copy", "Verifier copy");
        assertThat(after.agents()).extracting(AgentSpec::id).doesNotHaveDuplicates();
        String s2 = after.agents().get(2).id();
        String v2 = after.agents().get(3).id();
        assertThat(after.successors(s2)).containsExactly(v2);
        assertThat(after.successors(v2)).containsExactly(HandoffSpec.STOP);
        assertThat(after.layout().positions()).containsEntry(s2, new Point(40, 60)).containsEntry(v2, new Point(340, 60));
        assertUndoRestores(edit, connected);
    }

    @Test
    void clipDropsHandoffsLeavingTheSelection() {
        Workflow connected = DocumentEdits.connect(pair, "solver", "verifier").after();
        AgentClip clip = AgentClip.of(connected, Set.of("solver"));
        assertThat(clip.agents()).hasSize(1);
        assertThat(clip.handoffs()).isEmpty();
    }

    @Test
    void renameAndRoleAreNamedEdits() {
        WorkflowEdit rename = DocumentEdits.rename(pair, "solver", "Planner");
        assertThat(rename.description()).isEqualTo("Rename Solver to Planner");
        assertThat(rename.after().agent("solver").orElseThrow().name()).isEqualTo("Planner");
        assertUndoRestores(rename, pair);
        WorkflowEdit role = DocumentEdits.setRole(pair, "solver", "plan");
        assertThat(role.after().agent("solver").orElseThrow().role()).isEqualTo("plan");
        assertUndoRestores(role, pair);
    }

    @Test
    void observationEditChangesOnlyThatAgentsInterface() {
        InterfaceSpec sees = new InterfaceSpec(List.of(ObservationTerm.select("progress")), false);
        WorkflowEdit edit = DocumentEdits.setObservation(pair, "verifier", sees, "Show progress");
        assertThat(edit.description()).isEqualTo("Show progress for Verifier");
        assertThat(edit.after().agent("verifier").orElseThrow().observation()).isEqualTo(sees);
        assertThat(edit.after().agent("solver")).isEqualTo(pair.agent("solver"));
        assertUndoRestores(edit, pair);
    }

    @Test
    void trainingEnvironmentNameAndLabelEditsUndo() {
        assertUndoRestores(DocumentEdits.setTraining(pair, pair.training().withGamma(0.9), "Set γ to 0.9"), pair);
        assertUndoRestores(DocumentEdits.setEnvironment(pair, pair.environment().with("lambda", 0.5), "Set λ to 0.5"), pair);
        assertUndoRestores(DocumentEdits.setName(pair, "renamed"), pair);
        WorkflowEdit label = DocumentEdits.setHandoffLabel(pair, pair.handoffs().get(0), "submit");
        assertThat(label.after().handoffs().get(0).label()).isEqualTo("submit");
        assertUndoRestores(label, pair);
    }

    @Test
    void autoLayoutIsOneUndoableEditPlacingEveryNode() {
        Workflow ring = TinyWorkflows.ring(10);
        WorkflowEdit edit = DocumentEdits.autoLayout(ring);
        assertThat(edit.description()).isEqualTo("Auto-layout");
        assertThat(edit.after().layout().positions()).hasSize(11);
        assertUndoRestores(edit, ring);
    }

    @Test
    void anEditRefusesToApplyToAnotherDocument() {
        WorkflowEdit edit = DocumentEdits.setName(pair, "x");
        assertThatThrownBy(() -> edit.apply(TinyWorkflows.ring(3))).isInstanceOf(IllegalStateException.class);
    }
}
