package dev.handoff.benchmarks;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.WorkflowLoadException;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample workflows the benchmarks run on: the 10-agent synthetic ring built in code, and files from {@code sample-workflows/}. */
final class BenchmarkWorkflows {
    private BenchmarkWorkflows() {
    }

    /** The 10-agent synthetic sample ({@code sample-workflows/synthetic-ring10.workflow.json}), built in code. */
    static Workflow ring10() {
        return SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
    }

    /** Loads and validates {@code sample-workflows/<name>}, found by walking up from the working directory. */
    static Workflow sample(String name) {
        try {
            return WorkflowLoading.loadValid(repositoryRoot().resolve("sample-workflows").resolve(name));
        } catch (WorkflowLoadException e) {
            throw new IllegalStateException("cannot load sample " + name + ": " + e.getMessage(), e);
        }
    }

    /** The first directory at or above the working directory that contains {@code sample-workflows}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-workflows"))) {
                return p;
            }
        }
        throw new IllegalStateException("no sample-workflows directory at or above " + dir + ": run from the repository");
    }
}
