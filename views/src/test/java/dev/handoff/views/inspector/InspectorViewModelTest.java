package dev.handoff.views.inspector;

import dev.handoff.views.Fixtures;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.WorkflowEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorViewModelTest {
    private EditorViewModel editor;
    private DocumentViewModel doc;
    private InspectorViewModel inspector;

    @BeforeEach
    void setUp() {
        editor = Fixtures.editor();
        doc = editor.document();
        inspector = editor.inspector();
        doc.execute(new WorkflowEdit("Load ring", doc.document(), Fixtures.ring10()));
    }

    @Test
    void withNothingSelectedItShowsTheWorkflowSettings() {
        assertThat(inspector.subjectProperty().get()).isEqualTo(InspectorViewModel.Subject.WORKFLOW);
        assertThat(inspector.headingProperty().get()).isEqualTo("Workflow · Synthetic ring (10 agents)");
        assertThat(inspector.field("train.gamma").value()).isEqualTo(0.95);
        assertThat(inspector.field("env.param.lambda").value()).isEqualTo(0.0);
        assertThat(inspector.field("env.param.progressLevels").type()).isEqualTo(Long.class);
        assertThat(inspector.field("train.algorithm").choices()).contains("icq-tabular", "oracle");
    }

    @Test
    void settingGammaIsOneNamedUndoableEdit() {
        Workflow before = doc.document();
        inspector.set("train.gamma", 0.9);
        assertThat(doc.document().training().gamma()).isEqualTo(0.9);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Set γ to 0.9");
        assertThat(inspector.field("train.gamma").value()).isEqualTo(0.9);
        doc.undo();
        assertThat(doc.document()).isEqualTo(before);
    }

    @Test
    void environmentParametersStepSizeAndEpsilonAreEditable() {
        inspector.set("env.param.lambda", 0.5);
        assertThat(doc.document().environment().parameters().get("lambda")).isEqualTo(0.5);
        inspector.set("train.step.kind", "polynomial");
        assertThat(doc.document().training().stepSize().kind()).isEqualTo("polynomial");
        assertThat(inspector.fields()).anyMatch(f -> f.key().equals("train.step.omega"));
        inspector.set("train.eps.end", 0.02);
        assertThat(doc.document().training().epsilon().end()).isEqualTo(0.02);
        inspector.set("train.seeds", "4, 5");
        assertThat(doc.document().training().seeds()).containsExactly(4L, 5L);
    }

    @Test
    void listAndTableParametersAreShownButNotEditedAsText() {
        doc.execute(dev.handoff.workflow.edit.DocumentEdits.setEnvironment(doc.document(),
                doc.document().environment().with("costs", java.util.List.of(1, 2.5)), "Add costs"));
        InspectorField costs = inspector.field("env.param.costs");
        assertThat(costs.value()).isEqualTo("[1, 2.5]");
        assertThat(costs.editable()).isFalse();
        inspector.set("env.param.costs", "oops");
        assertThat(doc.document().environment().parameters().get("costs")).isEqualTo(java.util.List.of(1, 2.5));
    }

    @Test
    void textThatIsNotAValueChangesNothing() {
        Workflow before = doc.document();
        inspector.set("train.seeds", "four");
        assertThat(doc.document()).isEqualTo(before);
    }

    @Test
    void typingANameCharacterByCharacterIsOneUndoStep() {
        editor.selection().selectOnly("a0");
        assertThat(inspector.headingProperty().get()).isEqualTo("Agent · Agent 0");
        inspector.set("agent.name", "S");
        inspector.set("agent.name", "So");
        inspector.set("agent.name", "Solver");
        assertThat(doc.document().agent("a0").orElseThrow().name()).isEqualTo("Solver");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Rename Agent 0 to Solver");
        doc.undo();
        assertThat(doc.document().agent("a0").orElseThrow().name()).isEqualTo("Agent 0");
    }

    @Test
    void agentRoleOptionsAndPrivateStateAreEditable() {
        editor.selection().selectOnly("a1");
        inspector.set("agent.role", "verifier");
        inspector.set("agent.options", "cheap, careful, expert");
        inspector.set("agent.private.values", 3);
        var a = doc.document().agent("a1").orElseThrow();
        assertThat(a.role()).isEqualTo("verifier");
        assertThat(a.options()).extracting(o -> o.id()).containsExactly("cheap", "careful", "expert");
        assertThat(a.privateState().values()).isEqualTo(3);
        assertThat(inspector.field("agent.id").editable()).isFalse();
    }

    @Test
    void aHandoffShowsItsEndsAndTakesALabel() {
        HandoffSpec h = doc.document().handoffs().get(0);
        editor.selection().selectOnly(h);
        assertThat(inspector.subjectProperty().get()).isEqualTo(InspectorViewModel.Subject.HANDOFF);
        assertThat(inspector.field("handoff.from").value()).isEqualTo("Agent 0");
        inspector.set("handoff.label", "draft");
        assertThat(doc.document().handoffs().get(0).label()).isEqualTo("draft");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Label handoff Agent 0 → Agent 1");
    }

    @Test
    void severalSelectedShowNoFields() {
        editor.selection().selectNodes(java.util.List.of("a0", "a1"));
        assertThat(inspector.subjectProperty().get()).isEqualTo(InspectorViewModel.Subject.MANY);
        assertThat(inspector.fields()).isEmpty();
    }
}
