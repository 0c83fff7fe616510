package dev.handoff.train;

import java.util.function.Consumer;

/**
 * What a {@link TrainingRun} needs of one seed's trainer, whatever its learners: advance to a handoff count emitting
 * {@link TrainingWindow}s, and say where it is. {@link NeuralSeedTrainer} implements it; {@link SeedTrainer} has the
 * same methods (the lead can make it implement this and let TrainingRun take {@code List<? extends SeedRun>}).
 */
public interface SeedRun {
    /** Runs until {@code target} handoffs (capped by the budget); false if training diverged. */
    boolean runUntil(long target, Consumer<TrainingWindow> sink);

    boolean finished();

    long handoffs();

    long budget();

    long seed();

    Algorithm algorithm();

    /** Why training diverged, or null. */
    String divergence();
}
