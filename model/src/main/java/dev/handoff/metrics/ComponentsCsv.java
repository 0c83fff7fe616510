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

/** Writes {@code components.csv}: the error components of each seed at a fixed cadence of handoffs. Thread-safe. */
public final class ComponentsCsv implements AutoCloseable {
    private final BufferedWriter out;

    public ComponentsCsv(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("algorithm,seed,handoffs,neural_approx,neural_approx_supervised,interface_gap,policy_loss,"
                    + "mixing_residual,total,sum_of_parts,closure_holds\n");
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
