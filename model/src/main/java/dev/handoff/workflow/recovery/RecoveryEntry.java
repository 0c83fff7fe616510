package dev.handoff.workflow.recovery;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Unsaved work autosaved by a process that is gone: the document as it was, the file it belongs to (null when it was
 * untitled) and when it was written.
 */
public record RecoveryEntry(Path folder, Workflow workflow, Path sourceFile, Instant savedAt, long ownerPid,
                            Instant ownerStart) {

    /** What the recovered document changes, compared with its file as it is on disk now (or with nothing). */
    public WorkflowDiff changesFromDisk() {
        Workflow onDisk = null;
        if (sourceFile != null && Files.isRegularFile(sourceFile)) {
            try {
                onDisk = WorkflowJson.read(sourceFile);
            } catch (WorkflowLoadException unreadable) {
                onDisk = null;
            }
        }
        return WorkflowDiff.between(onDisk, workflow);
    }
}
