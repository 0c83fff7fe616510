package dev.handoff.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Handoffs per second of "the limit", {@link Ring10LimitLoop}: the same ring10 learning as
 * {@link TabularHandoffLoopBenchmark} (same seed, same random numbers, same tables bit for bit) as the fastest plain
 * loop we could write. Every product figure in docs/BENCHMARKS.md is reported as a fraction of this one, measured in
 * the same JMH run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class LimitLoopBenchmark {
    static final int HANDOFFS = TabularHandoffLoopBenchmark.HANDOFFS;

    private Ring10LimitLoop loop;

    @Setup(Level.Trial)
    public void setUp() {
        loop = new Ring10LimitLoop(TabularHandoffLoopBenchmark.SEED);
        // the product's warm-up: ε decays linearly from 1 to 0.1 over 2,000,000 handoffs, fixed per 50,000-handoff window
        for (long done = 0; done < TabularHandoffLoopBenchmark.WARM_HANDOFFS; done += 50_000) {
            loop.run(50_000, 1.0 + (0.1 - 1.0) * ((double) done / 2_000_000));
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public double handoffs() {
        return loop.run(HANDOFFS, 0.1);
    }
}
