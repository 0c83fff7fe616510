package dev.handoff.views.document;

import dev.handoff.workflow.Workflow;

import java.nio.file.Path;

/** Reading and writing workflow documents: the one door from the view-models to the model's file IO. */
public interface WorkflowFiles {
    Workflow read(Path file) throws Exception;

    void write(Workflow workflow, Path file) throws Exception;
}
