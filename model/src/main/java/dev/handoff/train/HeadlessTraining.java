package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One algorithm over several seeds trained to the end, off any UI, in one call: a {@link TrainingSession} with the
 * plan {@code handoff train} uses. With an output folder it writes a run folder ({@link RunFolderWriter}), from which
 * {@link #resume} continues.
 */
public final class HeadlessTraining {
    private HeadlessTraining() {
    }

    /**
     * What to run; {@code checkpointEvery} ≤ 0 means not by handoff count (by wall time, every
     * {@link Checkpointing#DEFAULT_INTERVAL}, and at the end); {@code neural} are the network settings of
     * {@code icq-neural} (null: the workflow's {@code training.neural}).
     */
    public record Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                          int parallelism, long checkpointEvery, NeuralSettings neural) {
        /** The network settings this run trains with: {@code neural}, or the workflow's {@code training.neural}. */
        public NeuralSettings neuralSettings() {
            return neural != null ? neural : NeuralSettings.of(workflow.training());
        }

        public Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs, int parallelism) {
            this(workflow, kind, algorithm, seeds, handoffs, parallelism, 0, null);
        }

        public Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                       int parallelism, long checkpointEvery) {
            this(workflow, kind, algorithm, seeds, handoffs, parallelism, checkpointEvery, null);
        }

        TrainingPlan plan(Path outDir) {
            return TrainingPlan.of(workflow, kind, List.of(algorithm), seeds, handoffs).withParallelism(parallelism)
                    .withNeural(neural).withCheckpointing(checkpointing(checkpointEvery))
                    .withOutput(outDir == null ? TrainingPlan.Output.NONE : TrainingPlan.Output.into(outDir));
        }
    }

    /** The trained seeds and their summary. */
    public record Result(TrainingSummary summary, List<? extends SeedRun> trainers) {
    }

    /** A fresh run, into {@code outDir} (null: no run folder). */
    public static Result run(Request request, Path outDir, Consumer<String> progress) throws InterruptedException {
        TrainingSession.Result r = TrainingSession.create(request.plan(outDir), progress).runToEnd(progress);
        return new Result(r.summary(), r.trainers());
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints to {@code budget} handoffs per seed (null: the run's own
     * budget). The result equals an uninterrupted run bit for bit.
     */
    public static Result resume(Path runDir, Long budget, int parallelism, long checkpointEvery, Consumer<String> progress)
            throws IOException, InterruptedException, WorkflowLoadException {
        TrainingSession.Result r = TrainingSession.resume(runDir, budget,
                p -> p.withParallelism(parallelism).withCheckpointing(checkpointing(checkpointEvery))).runToEnd(progress);
        return new Result(r.summary(), r.trainers());
    }

    private static Checkpointing checkpointing(long everyHandoffs) {
        return new Checkpointing(Math.max(0, everyHandoffs), Checkpointing.DEFAULT_INTERVAL);
    }
}
