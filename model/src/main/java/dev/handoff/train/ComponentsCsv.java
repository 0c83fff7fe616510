package dev.handoff.train;

import dev.handoff.components.ComponentReading;
import dev.handoff.components.ErrorComponents;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongBiFunction;

/** {@code components.csv} of a run folder: the error components (ICQ.md §4) of each seed at a cadence of handoffs. */
final class ComponentsCsv implements AutoCloseable {
    private static final List<String> HEADER = List.of("algorithm", "seed", "handoffs", "neural_approx",
            "neural_approx_supervised", "interface_gap", "policy_loss", "mixing_residual", "total", "sum_of_parts",
            "closure_holds");
    private final RunCsv csv;

    ComponentsCsv(Path file, ToLongBiFunction<String, Long> keepUpTo) {
        this.csv = new RunCsv(file, HEADER, keepUpTo);
    }

    /** Appends a reading and hands it to the operating system at once (readings are few). */
    void append(Algorithm algorithm, ComponentReading r) {
        ErrorComponents c = r.components();
        csv.append(List.of(algorithm.cliName(), Long.toString(r.seed()), Long.toString(r.handoffs()),
                MetricsCsv.num(c.neuralApprox()), MetricsCsv.num(c.neuralApproxSupervised()), MetricsCsv.num(c.interfaceGap()),
                MetricsCsv.num(c.policyLoss()), MetricsCsv.num(c.mixingResidual()), MetricsCsv.num(c.total()),
                MetricsCsv.num(c.sumOfParts()), Boolean.toString(c.closureHolds())));
        csv.flush();
    }

    @Override
    public void close() {
        csv.close();
    }
}
