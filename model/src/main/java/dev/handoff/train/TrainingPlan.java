package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.Workflow;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link TrainingSession} trains and how: the algorithms and seeds on a workflow with a budget in handoffs per
 * seed, the trainer threads, the network settings of {@code icq-neural} (null: the defaults), where run folders go,
 * when checkpoints are written, how often the error components are read, and how many episodes estimate a greedy
 * return where the kind has no exact model, and (offline learning) the recorded handoffs to learn from instead of a
 * simulator. {@link #of} gives the defaults of {@code handoff train}; the
 * {@code with...} methods change one thing.
 */
public record TrainingPlan(Workflow workflow, EnvironmentKind kind, List<Algorithm> algorithms, List<Long> seeds,
                           long handoffs, int parallelism, NeuralSettings neural, Output output, Checkpointing checkpointing,
                           ComponentCadence components, long simulatedEpisodes, RecordedHandoffs recorded) {
    /** Episodes simulated per seed to estimate a greedy return where no exact model exists. */
    public static final long SIMULATED_EPISODES = 20_000;
    /** Error-component readings per seed over a run (kinds with an exact model). */
    public static final int COMPONENT_READINGS = 40;
    /** With {@link ComponentCadence#LIVE}, at most this many evaluation windows pass between two readings of a seed. */
    public static final long MAX_WINDOWS_PER_READING = 10;

    public TrainingPlan {
        algorithms = List.copyOf(algorithms);
        seeds = List.copyOf(seeds);
        if (algorithms.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a training session needs at least one algorithm and one seed");
        }
        if (handoffs <= 0) {
            throw new IllegalArgumentException("the budget must be at least one handoff per seed");
        }
        if (recorded != null && !algorithms.equals(List.of(Algorithm.ICQ_TABULAR))) {
            throw new IllegalArgumentException("learning from recorded handoffs is tabular IC-Q only, not " + algorithms);
        }
    }

    /**
     * {@code algorithms} × {@code seeds} on {@code workflow}, {@code handoffs} per seed: one thread per core, default
     * network settings, no run folder, checkpoints every {@link Checkpointing#DEFAULT_INTERVAL}, components spread over
     * the budget, {@value #SIMULATED_EPISODES} episodes per simulated greedy return.
     */
    public static TrainingPlan of(Workflow workflow, EnvironmentKind kind, List<Algorithm> algorithms, List<Long> seeds,
                                  long handoffs) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, Runtime.getRuntime().availableProcessors(), null,
                Output.NONE, Checkpointing.defaults(), ComponentCadence.SPREAD, SIMULATED_EPISODES, null);
    }

    public TrainingPlan withParallelism(int threads) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, threads, neural, output, checkpointing, components,
                simulatedEpisodes, recorded);
    }

    public TrainingPlan withNeural(NeuralSettings settings) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, parallelism, settings, output, checkpointing,
                components, simulatedEpisodes, recorded);
    }

    public TrainingPlan withOutput(Output where) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, parallelism, neural, where, checkpointing,
                components, simulatedEpisodes, recorded);
    }

    public TrainingPlan withCheckpointing(Checkpointing when) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, parallelism, neural, output, when, components,
                simulatedEpisodes, recorded);
    }

    public TrainingPlan withComponents(ComponentCadence cadence) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, parallelism, neural, output, checkpointing,
                cadence, simulatedEpisodes, recorded);
    }

    public TrainingPlan withSimulatedEpisodes(long episodes) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, handoffs, parallelism, neural, output, checkpointing,
                components, episodes, recorded);
    }

    /**
     * Learns from {@code handoffs} recorded outside any simulator (the agents' own traces) instead of simulating: its
     * seeds are made by {@link RecordedHandoffs#learner} ({@code null}: simulate, as usual).
     */
    public TrainingPlan withRecorded(RecordedHandoffs handoffs) {
        return new TrainingPlan(workflow, kind, algorithms, seeds, this.handoffs, parallelism, neural, output, checkpointing,
                components, simulatedEpisodes, handoffs);
    }

    /** Where a session writes run folders. */
    public record Output(Path dir, boolean stamped, boolean required) {
        /** No run folder. */
        public static final Output NONE = new Output(null, false, false);

        /** Exactly {@code dir} (a plan of one algorithm); a folder that cannot be written stops the session before it trains. */
        public static Output into(Path dir) {
            return new Output(dir, false, true);
        }

        /**
         * One folder per algorithm under {@code root}, named by the start time and the algorithm
         * ({@code 20250101-120000-icq-tabular}); a folder that cannot be written is noted and the session trains without it.
         */
        public static Output stampedUnder(Path root) {
            return new Output(root, true, false);
        }

        Path folderOf(Algorithm a, String stamp) {
            return stamped ? dir.resolve(stamp + "-" + a.cliName()) : dir;
        }
    }

    /** How often the seeds read the error components (kinds with an exact model). */
    public enum ComponentCadence {
        /** {@value #COMPONENT_READINGS} readings spread over the budget ({@code handoff train}). */
        SPREAD,
        /** As {@link #SPREAD}, but at least every {@value #MAX_WINDOWS_PER_READING} windows, so long budgets show them live. */
        LIVE,
        /** None (the sweeps measure what they need themselves). */
        NONE;

        /** Handoffs between two readings of a seed (0: none). */
        public long every(long budget, int window) {
            return switch (this) {
                case SPREAD -> Math.max(1, budget / COMPONENT_READINGS);
                case LIVE -> Math.max(1, Math.min(budget / COMPONENT_READINGS, MAX_WINDOWS_PER_READING * window));
                case NONE -> 0;
            };
        }
    }
}
