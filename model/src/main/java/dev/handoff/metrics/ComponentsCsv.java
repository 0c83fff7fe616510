package dev.handoff.metrics;

import dev.handoff.components.ComponentReading;
import dev.handoff.components.ErrorComponents;
import dev.handoff.train.Algorithm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * Writes {@code components.csv}: the error components of each seed at a fixed cadence of handoffs, ordered by
 * algorithm, seed and handoffs once closed (seeds trained in parallel append as they come). Thread-safe.
 */
public final class ComponentsCsv implements AutoCloseable {
    static final String HEADER = "algorithm,seed,handoffs,neural_approx,neural_approx_supervised,interface_gap,policy_loss,"
            + "mixing_residual,total,sum_of_parts,closure_holds";
    private final Path file;
    private final BufferedWriter out;

    public ComponentsCsv(Path file) {
        this(file, null);
    }

    /**
     * Opens {@code file} for a run resumed from checkpoints: the readings up to each seed's checkpoint ({@code keepUpTo}
     * of its algorithm and seed) are kept, later ones dropped. With {@code keepUpTo} null the file starts afresh.
     */
    public ComponentsCsv(Path file, ToLongBiFunction<String, Long> keepUpTo) {
        this.file = file;
        List<String> kept = MetricsCsv.keptRows(file, keepUpTo);
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER + "\n");
            for (String row : kept) {
                out.write(row + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void append(Algorithm algorithm, ComponentReading r) {
        ErrorComponents c = r.components();
        try {
            out.write(algorithm.cliName() + "," + r.seed() + "," + r.handoffs() + "," + MetricsCsv.num(c.neuralApprox()) + ","
                    + MetricsCsv.num(c.neuralApproxSupervised()) + "," + MetricsCsv.num(c.interfaceGap()) + ","
                    + MetricsCsv.num(c.policyLoss()) + "," + MetricsCsv.num(c.mixingResidual()) + "," + MetricsCsv.num(c.total())
                    + "," + MetricsCsv.num(c.sumOfParts()) + "," + c.closureHolds() + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
            MetricsCsv.sortRows(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
