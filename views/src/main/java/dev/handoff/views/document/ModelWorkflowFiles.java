package dev.handoff.views.document;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;

import java.nio.file.Path;

/** Workflow files through the model's {@link WorkflowJson}: deterministic output, migrations and located problems on load. */
public final class ModelWorkflowFiles implements WorkflowFiles {
    @Override
    public Workflow read(Path file) throws Exception {
        return WorkflowJson.read(file);
    }

    @Override
    public void write(Workflow workflow, Path file) throws Exception {
        WorkflowJson.save(workflow, file); // atomic, the previous version kept as name.workflow.json.bak
    }
}
