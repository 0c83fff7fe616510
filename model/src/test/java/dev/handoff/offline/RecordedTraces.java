package dev.handoff.offline;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.trace.SimulatedTraces;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.EpsilonSpec;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: sample workflows, and traces recorded from simulated runs the way {@code handoff train --traces} does. */
public final class RecordedTraces {
    private RecordedTraces() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-workflows folder above the working directory");
        }
        return p;
    }

    public static Workflow sample(String name) throws Exception {
        return WorkflowLoading.loadValid(root().resolve("sample-workflows").resolve(name));
    }

    /** The workflow with a uniformly random behaviour policy (ε = 1 throughout). */
    public static Workflow uniformBehaviour(Workflow w) {
        return w.withTraining(w.training().withEpsilon(EpsilonSpec.constant(1.0)));
    }

    /** Trains {@code handoffs} handoffs of one seed with traces written to {@code dir}; returns the trainer. */
    public static SeedTrainer record(Workflow w, Algorithm algorithm, long seed, long handoffs, Path dir) throws Exception {
        SeedTrainer t = new SeedTrainer(w, WorkflowLoading.kindOf(w), algorithm, seed, handoffs);
        try (SimulatedTraces traces = SimulatedTraces.open(dir, w, t.environment(), seed, t.handoffs())) {
            t.recordHandoffs(traces);
            t.runUntil(handoffs, null);
        }
        return t;
    }
}
