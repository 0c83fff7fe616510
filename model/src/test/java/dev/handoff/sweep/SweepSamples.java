package dev.handoff.sweep;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the project's sample workflows: walks up from the working directory to the folder holding sample-workflows. */
final class SweepSamples {
    private SweepSamples() {
    }

    static Workflow load(String name) throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-workflows folder above the working directory");
        }
        return WorkflowLoading.loadValid(p.resolve("sample-workflows").resolve(name));
    }
}
