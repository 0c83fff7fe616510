package dev.handoff.views.inspector;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.learn.StepSizeSchedule;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.learn.neural.ScalarMode;
import dev.handoff.views.Fixtures;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.NeuralSpec;
import dev.handoff.workflow.StepSizeSpec;
import dev.handoff.workflow.TrainingSettings;
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

    // ---------------------------------------------------------------- one source for each default (issue 14.3)

    @Test
    void theStepSizeShownIsTheOneTheLearnerUsesWhenTheWorkflowGivesNone() {
        Workflow w = doc.document();
        doc.execute(new WorkflowEdit("No step size", w, w.withTraining(w.training().withStepSize(null))));
        assertThat(inspector.field("train.step.kind").value()).isEqualTo("harmonic");
        double h = (Double) inspector.field("train.step.h").value();
        double n0 = (Double) inspector.field("train.step.n0").value();
        assertThat(StepSizeSchedule.of(doc.document().training().stepSize())).isEqualTo(new StepSizeSchedule.Harmonic(h, n0));
    }

    @Test
    void typingAFieldBackToItsValueLeavesTheDocumentAsItWas() {
        Workflow before = doc.document();
        inspector.set("train.gamma", 0.9);
        inspector.set("train.gamma", 0.95);
        assertThat(doc.document()).isEqualTo(before);
        assertThat(inspector.field("train.gamma").value()).isEqualTo(0.95);
        assertThat(doc.undoDescriptionProperty().get()).isNotEqualTo("Set γ to 0.95");
        inspector.set("train.gamma", 0.8);
        assertThat(doc.document().training().gamma()).isEqualTo(0.8);
    }

    @Test
    void switchingTheScheduleOffersTheLearnersDefaults() {
        Workflow w = doc.document();
        doc.execute(new WorkflowEdit("Constant steps", w, w.withTraining(w.training().withStepSize(StepSizeSpec.constant(0.3)))));
        inspector.set("train.step.kind", "harmonic");
        assertThat(doc.document().training().stepSize()).isEqualTo(TrainingSettings.DEFAULT_STEP_SIZE);
        assertThat(inspector.field("train.step.h").value()).isEqualTo(TrainingSettings.DEFAULT_STEP_SIZE.h());
    }

    @Test
    void theNeuralSettingsShownAreTheOnesTheLearnerWillUse() {
        assertThat(doc.document().training().neural()).isNull();
        NeuralSettings learner = NeuralSettings.of(doc.document().training());
        assertThat(inspector.field("train.neural.learningRate").value()).isEqualTo(learner.learningRate());
        assertThat(inspector.field("train.neural.width").value()).isEqualTo(learner.width());
        assertThat(inspector.field("train.neural.depth").value()).isEqualTo(learner.depth());
        assertThat(inspector.field("train.neural.batchSize").value()).isEqualTo(learner.batchSize());
        assertThat(inspector.field("train.neural.targetPeriod").value()).isEqualTo(learner.target().period());
        assertThat(inspector.field("train.neural.polyakTau").value()).isEqualTo(0.0);
        assertThat(inspector.field("train.neural.scalarMode").value()).isEqualTo(learner.scalarMode().cliName());
        assertThat(inspector.field("train.neural.scalarMode").choices()).containsExactly("stored", "requery");
    }

    @Test
    void settingANeuralFieldWritesOnlyThatFieldAndReachesTheLearner() {
        Workflow before = doc.document();
        inspector.set("train.neural.width", 128);
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Set neural width to 128");
        assertThat(doc.document().training().neural()).isEqualTo(NeuralSpec.NONE.with("width", 128));
        assertThat(NeuralSettings.of(doc.document().training()).width()).isEqualTo(128);
        assertThat(inspector.field("train.neural.width").value()).isEqualTo(128);
        inspector.set("train.neural.polyakTau", 0.05);
        assertThat(NeuralSettings.of(doc.document().training()).target().isPolyak()).isTrue();
        inspector.set("train.neural.polyakTau", 0.0);
        assertThat(doc.document().training().neural()).isEqualTo(NeuralSpec.NONE.with("width", 128));
        inspector.set("train.neural.scalarMode", "requery");
        assertThat(NeuralSettings.of(doc.document().training()).scalarMode()).isEqualTo(ScalarMode.REQUERY);
        doc.undo(); // the scalar mode (τ 0.05 and back to 0 in one field left no edit)
        doc.undo(); // the width
        assertThat(doc.document()).isEqualTo(before);
    }

    @Test
    void theValidatorJudgesANeuralFieldAgainstTheDefaultsTheInspectorShows() {
        inspector.set("train.neural.batchSize", 30_000);
        int replay = (Integer) inspector.field("train.neural.replayCapacity").value();
        assertThat(replay).isEqualTo(NeuralSettings.DEFAULTS.replayCapacity());
        assertThat(WorkflowLoading.problemsOf(doc.document())).extracting(Object::toString).containsExactly(
                "/training/neural/replayCapacity: the replay must hold at least one batch (30000 transitions), is " + replay);
    }
}
