package dev.handoff.views.inspector;

import dev.handoff.workflow.NeuralSpec;
import dev.handoff.workflow.TrainingSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.workflow.edit.WorkflowEdit;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The inspector's fields for the neural learner ({@code training.neural}): each shows the value the learner will use
 * (the workflow's, or the default of {@link NeuralSpec#DEFAULTS}) and sets one field of the document's neural block.
 */
final class NeuralSettingsFields {
    static final String CATEGORY = "Neural network (icq-neural)";
    /** Field keys are {@code train.neural.<JSON name>}. */
    static final String PREFIX = "train.neural.";

    private NeuralSettingsFields() {
    }

    static void add(TrainingSettings t, List<InspectorField> out) {
        NeuralSpec shown = t.neuralOrDefault();
        NeuralSpec d = NeuralSpec.DEFAULTS;
        out.add(field("width", "Width", "Hidden units per layer", Integer.class, shown.width(), d.width()));
        out.add(field("depth", "Depth", "Hidden layers", Integer.class, shown.depth(), d.depth()));
        out.add(field("learningRate", "Learning rate", "Adam's step size", Double.class, shown.learningRate(), d.learningRate()));
        out.add(field("batchSize", "Batch size", "Transitions per training step", Integer.class, shown.batchSize(), d.batchSize()));
        out.add(field("replayCapacity", "Replay capacity", "Transitions each agent keeps (oldest overwritten)", Integer.class,
                shown.replayCapacity(), d.replayCapacity()));
        out.add(field("warmup", "Warm-up", "Transitions an agent collects before it trains (at least a batch)", Integer.class,
                shown.warmup(), d.warmup()));
        out.add(field("trainEvery", "Train every", "One training step every this many of the agent's decisions", Integer.class,
                shown.trainEvery(), d.trainEvery()));
        out.add(field("targetPeriod", "Target period", "Training steps between copies into the target network",
                Integer.class, shown.targetPeriod() == null ? d.targetPeriod() : shown.targetPeriod(), d.targetPeriod()));
        out.add(new InspectorField(PREFIX + "polyakTau", CATEGORY, "Polyak τ",
                "Average the target network at this rate instead of copying it (0: copy every period)", Double.class,
                shown.polyakTau() == null ? 0.0 : shown.polyakTau(), List.of(), (doc, v) -> {
                    double tau = ((Number) v).doubleValue();
                    NeuralSpec n = neuralOf(doc);
                    return set(doc, tau == 0 ? n.with("polyakTau", null) : n.overriddenBy(NeuralSpec.NONE.with("polyakTau", tau)),
                            tau == 0 ? "Copy the target network every period" : "Set Polyak τ to " + v);
                }));
        out.add(field("huberDelta", "Huber δ", "Where the Huber loss turns from quadratic to linear", Double.class,
                shown.huberDelta(), d.huberDelta()));
        out.add(new InspectorField(PREFIX + "scalarMode", CATEGORY, "Handoff scalar",
                "stored: the scalar sent at handoff time; requery: a fresh one each time a transition is replayed (default "
                        + d.scalarMode() + ")", String.class, shown.scalarMode(), NeuralSpec.SCALAR_MODES,
                setter("scalarMode", "handoff scalar")));
        out.add(field("mirrorRefresh", "Mirror refresh", "Training steps between copies into the plain-Java network that acts",
                Integer.class, shown.mirrorRefresh(), d.mirrorRefresh()));
        out.add(field("requeryMemory", "Re-query memory", "Handed-off views a receiver keeps for re-queries", Integer.class,
                shown.requeryMemory(), d.requeryMemory()));
    }

    private static InspectorField field(String json, String name, String description, Class<?> type, Object value,
                                        Object defaultValue) {
        return new InspectorField(PREFIX + json, CATEGORY, name, description + " (default " + defaultValue + ")", type, value,
                List.of(), setter(json, name.toLowerCase(java.util.Locale.ROOT)));
    }

    private static BiFunction<Workflow, Object, WorkflowEdit> setter(String json, String label) {
        return (doc, v) -> set(doc, neuralOf(doc).overriddenBy(NeuralSpec.NONE.with(json, v)), "Set neural " + label + " to " + v);
    }

    private static WorkflowEdit set(Workflow doc, NeuralSpec n, String name) {
        TrainingSettings t = InspectorViewModel.trainingOf(doc);
        return DocumentEdits.setTraining(doc, t.withNeural(n.equals(NeuralSpec.NONE) ? null : n), name);
    }

    private static NeuralSpec neuralOf(Workflow doc) {
        NeuralSpec n = InspectorViewModel.trainingOf(doc).neural();
        return n == null ? NeuralSpec.NONE : n;
    }
}
