package dev.handoff.views.editor;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.views.document.ModelWorkflowFiles;
import dev.handoff.workflow.WorkflowValidator;
import dev.handoff.views.document.BlankWorkflow;
import dev.handoff.views.document.DocumentViewModel;
import dev.handoff.views.document.WorkflowFiles;
import dev.handoff.views.graph.GraphEditorViewModel;
import dev.handoff.views.graph.SelectionModel;
import dev.handoff.views.inspector.InspectorViewModel;
import dev.handoff.views.inspector.InterfaceEditorViewModel;
import dev.handoff.views.validation.ValidationViewModel;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.util.List;
import java.util.function.Function;

/** The workflow editor's view-models wired together: document and undo stack, selection, graph, inspector, validation. */
public final class EditorViewModel {
    private final DocumentViewModel document;
    private final SelectionModel selection = new SelectionModel();
    private final ValidationViewModel validation;
    private final GraphEditorViewModel graph;
    private final InspectorViewModel inspector;
    private final InterfaceEditorViewModel interfaceEditor;

    /** The editor on the model's own file format and the validator {@code handoff validate} uses (every kind's rules too). */
    public static EditorViewModel standard() {
        WorkflowValidator validator = WorkflowLoading.validator();
        return new EditorViewModel(new ModelWorkflowFiles(), validator::validate);
    }

    public EditorViewModel(WorkflowFiles files, Function<Workflow, List<Problem>> validator) {
        document = new DocumentViewModel(files, BlankWorkflow::create);
        validation = new ValidationViewModel(document, validator);
        graph = new GraphEditorViewModel(document, selection, validation);
        inspector = new InspectorViewModel(document, selection);
        interfaceEditor = new InterfaceEditorViewModel(document, selection, EditorViewModel::viewCount);
    }

    /** |Z_i| of the compiled interface map, or -1 when the agent's interface does not compile. */
    public static long viewCount(ArtifactSchema schema, AgentSpec agent) {
        try {
            return InterfaceMap.compile(schema, agent).viewCount();
        } catch (RuntimeException notCompilable) {
            return -1;
        }
    }

    public DocumentViewModel document() {
        return document;
    }

    public SelectionModel selection() {
        return selection;
    }

    public ValidationViewModel validation() {
        return validation;
    }

    public GraphEditorViewModel graph() {
        return graph;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public InterfaceEditorViewModel interfaceEditor() {
        return interfaceEditor;
    }
}
