package dev.handoff.views.inspector;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.WorkflowEdit;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One editable property of the selection as the inspector shows it: where it is grouped, its current value and how a
 * new value becomes an undoable edit of the document.
 */
public record InspectorField(String key, String category, String name, String description, Class<?> type, Object value,
                             List<String> choices, BiFunction<Workflow, Object, WorkflowEdit> edit) {
    public InspectorField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean editable() {
        return edit != null;
    }
}
