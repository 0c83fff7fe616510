package dev.handoff.views.training;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Sample workflows and a drain loop for the dashboard's view-model tests. */
public final class DashboardFixtures {
    private DashboardFixtures() {
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        return p;
    }

    /** A sample workflow by name ("synthetic-gap", "routing-6x6", …), loaded and validated. */
    public static Workflow sample(String name) throws Exception {
        return WorkflowLoading.loadValid(repoRoot().resolve("sample-workflows/" + name + ".workflow.json"));
    }

    /** synthetic-gap with a budget of {@code handoffs} per seed. */
    public static Workflow gap(long handoffs) throws Exception {
        Workflow w = sample("synthetic-gap");
        return w.withTraining(w.training().withHandoffs(handoffs));
    }

    /** A dashboard on {@code w} writing runs to {@code runs} (null: none), background work on the caller's thread. */
    public static TrainingDashboardViewModel dashboard(Workflow w, Path runs) {
        return new TrainingDashboardViewModel(w, WorkflowLoading.kindOf(w), runs);
    }

    /** Trains {@code mode} with {@code seeds} seeds from the dashboard's Train and drains until the run has finished. */
    public static void trainToTheEnd(TrainingDashboardViewModel vm, dev.handoff.train.live.TrainingMode mode, int seeds)
            throws InterruptedException {
        vm.run().modeProperty().set(mode);
        vm.run().seedsProperty().set(seeds);
        vm.run().train();
        drainUntil(vm, () -> vm.run().stateProperty().get() == dev.handoff.train.RunState.FINISHED);
    }

    /**
     * Drains {@code vm} as the view's timer would until {@code done}, then once more. It gives up after five minutes: a
     * run that takes seconds on an idle machine can take a minute on a shared, overloaded one.
     */
    public static void drainUntil(TrainingDashboardViewModel vm, BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 300_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            vm.drain();
            Thread.sleep(20);
        }
        vm.drain();
    }
}
