package dev.handoff.train;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The checkpoints of a run folder, one file per algorithm and seed under {@code checkpoints/}: written atomically
 * (temporary file, then move), so a crash mid-write leaves the previous checkpoint intact.
 */
public final class RunCheckpoints {
    public static final String FOLDER = "checkpoints";

    private RunCheckpoints() {
    }

    public static Path fileOf(Path runDir, Algorithm algorithm, long seed) {
        return runDir.resolve(FOLDER).resolve(algorithm.cliName() + "-seed" + seed + ".ckpt");
    }

    public static void write(Path runDir, SeedTrainer trainer) {
        write(fileOf(runDir, trainer.algorithm(), trainer.seed()), trainer::saveState);
    }

    /** Writes a neural seed's checkpoint (networks, Adam state, replay, mirrors, RNGs, simulator). */
    public static void write(Path runDir, NeuralSeedTrainer trainer) {
        write(fileOf(runDir, trainer.algorithm(), trainer.seed()), trainer::saveState);
    }

    /** Restores a neural {@code trainer} (same workflow, settings and seed) from its checkpoint in {@code runDir}. */
    public static void restore(Path runDir, NeuralSeedTrainer trainer) {
        read(fileOf(runDir, trainer.algorithm(), trainer.seed()), trainer.algorithm(), trainer.seed(), runDir,
                trainer::restoreState);
    }

    private static void write(Path file, java.util.function.Consumer<StateWriter> save) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp)); StateWriter w = new StateWriter(os)) {
                save.accept(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** Restores {@code trainer} (built for the same workflow, algorithm and seed) from its checkpoint in {@code runDir}. */
    public static void restore(Path runDir, SeedTrainer trainer) {
        read(fileOf(runDir, trainer.algorithm(), trainer.seed()), trainer.algorithm(), trainer.seed(), runDir,
                trainer::restoreState);
    }

    private static void read(Path file, Algorithm algorithm, long seed, Path runDir,
                             java.util.function.Consumer<StateReader> restore) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no checkpoint for " + algorithm + " seed " + seed + " in " + runDir);
        }
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file)); StateReader r = new StateReader(is)) {
            restore.accept(r);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the checkpoint: " + e.getMessage());
        } catch (CheckpointException e) {
            throw new CheckpointException(file + ": " + e.getMessage()); // which file, for the one-line report
        }
    }
}
