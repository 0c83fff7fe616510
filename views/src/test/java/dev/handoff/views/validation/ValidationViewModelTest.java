package dev.handoff.views.validation;

import dev.handoff.views.Fixtures;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.WorkflowEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationViewModelTest {
    private EditorViewModel editor;
    private DocumentViewModel doc;
    private ValidationViewModel validation;

    @BeforeEach
    void setUp() {
        editor = Fixtures.editor();
        doc = editor.document();
        validation = editor.validation();
    }

    @Test
    void aBlankDocumentCannotTrainAndTheReasonNamesTheProblem() {
        assertThat(validation.trainDisabledProperty().get()).isTrue();
        assertThat(validation.problems()).isNotEmpty();
        assertThat(validation.trainDisabledReasonProperty().get())
                .startsWith("Fix 1 problem before training:")
                .contains("/agents: a workflow needs at least one agent");
    }

    @Test
    void theRingSampleIsValidAndMayTrain() {
        doc.execute(new WorkflowEdit("Load ring", doc.document(), Fixtures.ring10()));
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.trainDisabledProperty().get()).isFalse();
        assertThat(validation.trainDisabledReasonProperty().get()).isEmpty();
        assertThat(validation.summaryProperty().get()).isEqualTo("No problems");
    }

    @Test
    void everyEditRevalidatesAndProblemsPointAtTheirAgent() {
        doc.execute(new WorkflowEdit("Load ring", doc.document(), Fixtures.ring10()));
        doc.execute(DocumentEdits.setObservation(doc.document(), "a3",
                new dev.handoff.workflow.InterfaceSpec(List.of(dev.handoff.workflow.ObservationTerm.select("dificulty")), true),
                "Show dificulty"));
        assertThat(validation.trainDisabledProperty().get()).isTrue();
        assertThat(validation.problemsFor("a3")).isNotEmpty();
        assertThat(validation.problemsFor("a2")).isEmpty();
        Problem p = validation.problems().get(0);
        assertThat(p.path()).startsWith("/agents/3");
        assertThat(validation.trainDisabledReasonProperty().get()).contains("dificulty");
        validation.selectCulprit(p, editor.selection());
        assertThat(editor.selection().nodes()).containsExactly("a3");
        doc.undo();
        assertThat(validation.trainDisabledProperty().get()).isFalse();
    }

    @Test
    void aHandoffProblemSelectsTheHandoff() {
        doc.execute(new WorkflowEdit("Load ring", doc.document(), Fixtures.ring10()));
        Problem p = new Problem("/handoffs/2/to", "example");
        ValidationViewModel.Culprit c = validation.culpritOf(p);
        assertThat(c.handoff()).isEqualTo(doc.document().handoffs().get(2));
        validation.selectCulprit(p, editor.selection());
        assertThat(editor.selection().handoffs()).containsExactly(doc.document().handoffs().get(2));
        assertThat(validation.culpritOf(new Problem("/training/gamma", "x"))).isEqualTo(new ValidationViewModel.Culprit(null, null));
    }
}
