package dev.handoff.workflow.recovery;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.DocumentEdits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff summary the recovery offer shows: agents and handoffs added, removed, changed; nodes moved. */
class WorkflowDiffTest {
    private static final Workflow RING = SyntheticTemplates.ring("Ring", 10, 0.0, 0.1);

    @Test
    void namesWhatWasAddedRemovedChangedAndMoved() {
        Workflow w = DocumentEdits.delete(RING, List.of("a3"), List.of()).after();
        w = DocumentEdits.addAgent(w, DocumentEdits.freshAgent(w), new Layout.Point(10, 10)).after();
        w = DocumentEdits.rename(w, "a4", "Verifier").after();
        w = DocumentEdits.connect(w, "a0", "a5").after();
        w = w.withLayout(w.layout().with("a1", new Layout.Point(-50, -50)));

        WorkflowDiff d = WorkflowDiff.between(RING, w);
        assertThat(d.agentsRemoved()).containsExactly("Agent 3");
        assertThat(d.agentsAdded()).hasSize(1);
        assertThat(d.agentsChanged()).containsExactly("Verifier");
        assertThat(d.handoffsAdded()).contains("Agent 0 → Agent 5");
        assertThat(d.handoffsRemoved()).isNotEmpty().allMatch(h -> h.contains("Agent 3"));
        assertThat(d.nodesMoved()).isEqualTo(1);
        assertThat(d.summary()).startsWith("agents: 1 added (" + d.agentsAdded().get(0) + "), 1 removed (Agent 3), 1 changed (Verifier); handoffs: ")
                .endsWith("; 1 node moved");
    }

    @Test
    void identicalDocumentsHaveNoChanges() {
        assertThat(WorkflowDiff.between(RING, RING).isEmpty()).isTrue();
        assertThat(WorkflowDiff.between(RING, RING).summary()).isEqualTo("no changes");
        assertThat(WorkflowDiff.between(RING, RING.withHandoffs(List.of(new HandoffSpec("a0", "STOP")))).summary())
                .startsWith("handoffs: 1 added (Agent 0 → STOP), ");
    }
}
