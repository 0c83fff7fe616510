package dev.handoff.benchmarks;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Handoffs per second of the tabular hot loop (simulate an option, carry the scalar, update a table) through
 * {@link SeedTrainer#runUntil} on the 10-agent synthetic ring: tabular IC-Q, the centralised oracle and the
 * independent learners. One operation is one handoff; run with {@code -prof gc} for bytes allocated per handoff.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class TabularHandoffLoopBenchmark {
    /** Handoffs per benchmark invocation: large enough that the per-window bookkeeping (every 50,000) is amortised. */
    static final int HANDOFFS = 100_000;
    /** Handoffs run in set-up: past the ring sample's ε decay (2,000,000), so the measured loop is at its final ε. */
    static final long WARM_HANDOFFS = 2_000_000;
    /** The seed of the measured run (the limit loop uses the same). */
    static final long SEED = 1;

    @Param({"icq-tabular", "oracle", "independent"})
    public String algorithm;

    private SeedTrainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        Workflow ring = BenchmarkWorkflows.ring10();
        trainer = new SeedTrainer(ring, new SyntheticKind(), Algorithm.parse(algorithm), SEED, Long.MAX_VALUE);
        trainer.runUntil(WARM_HANDOFFS, null);
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public long handoffs() {
        long target = trainer.handoffs() + HANDOFFS;
        if (!trainer.runUntil(target, null) || trainer.handoffs() != target) {
            throw new IllegalStateException("the run stopped short of " + target + " handoffs: " + trainer.divergence());
        }
        return target;
    }
}
