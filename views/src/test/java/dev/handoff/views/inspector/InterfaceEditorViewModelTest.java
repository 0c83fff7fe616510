package dev.handoff.views.inspector;

import dev.handoff.views.Fixtures;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.WorkflowEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InterfaceEditorViewModelTest {
    private EditorViewModel editor;
    private DocumentViewModel doc;
    private InterfaceEditorViewModel vm;

    @BeforeEach
    void setUp() {
        editor = Fixtures.editor();
        doc = editor.document();
        vm = editor.interfaceEditor();
        Workflow ring = Fixtures.ring10();
        List<FeatureSpec> features = new ArrayList<>(ring.artifact().features());
        features.add(FeatureSpec.real("quality", 0, 1, "estimated quality"));
        doc.execute(new WorkflowEdit("Load ring", doc.document(), ring.withArtifact(new ArtifactSchema(features))));
        editor.selection().selectOnly("a0");
    }

    @Test
    void listsTheArtifactFeaturesWithTypesAndWhatTheAgentSees() {
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.rows()).extracting(FeatureRow::feature).containsExactly("progress", "difficulty", "quality");
        assertThat(vm.row("progress").visible()).isTrue();
        assertThat(vm.row("progress").type()).isEqualTo("int");
        assertThat(vm.row("difficulty").visible()).isFalse();
        assertThat(vm.row("quality").real()).isTrue();
        assertThat(vm.viewCountProperty().get()).isEqualTo(12);
        assertThat(vm.viewCountTextProperty().get()).isEqualTo("progress 6 × busy 2 = 12 distinct views");
    }

    @Test
    void tickingAFeatureWidensTheViewAndUndoNarrowsItAgain() {
        vm.setVisible("difficulty", true);
        assertThat(doc.document().agent("a0").orElseThrow().observation().terms())
                .extracting(ObservationTerm::feature).containsExactly("progress", "difficulty");
        assertThat(vm.viewCountProperty().get()).isEqualTo(36);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Show difficulty for Agent 0");
        doc.undo();
        assertThat(vm.viewCountProperty().get()).isEqualTo(12);
        assertThat(vm.row("difficulty").visible()).isFalse();
    }

    @Test
    void aRealFeatureIsBinnedAndItsBinsCountInTheViews() {
        vm.setVisible("quality", true);
        assertThat(vm.row("quality").bins()).isEqualTo(InterfaceEditorViewModel.DEFAULT_BINS);
        assertThat(vm.viewCountProperty().get()).isEqualTo(12L * InterfaceEditorViewModel.DEFAULT_BINS);
        vm.setBins("quality", 10);
        assertThat(vm.viewCountProperty().get()).isEqualTo(120);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Bin quality into 10 for Agent 0");
        doc.undo();
        assertThat(vm.row("quality").bins()).isEqualTo(InterfaceEditorViewModel.DEFAULT_BINS);
    }

    @Test
    void hidingEverythingLeavesOnlyThePrivateState() {
        vm.setVisible("progress", false);
        assertThat(vm.viewCountProperty().get()).isEqualTo(2);
        vm.setSeesPrivateState(false);
        assertThat(vm.viewCountProperty().get()).isEqualTo(1);
        assertThat(vm.viewCountTextProperty().get()).isEqualTo("nothing = 1 distinct view");
        doc.undo();
        assertThat(vm.seesPrivateStateProperty().get()).isTrue();
    }

    @Test
    void onlyOneSelectedAgentActivatesTheEditor() {
        editor.selection().clear();
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        editor.selection().selectNodes(List.of("a0", "a1"));
        assertThat(vm.activeProperty().get()).isFalse();
    }
}
