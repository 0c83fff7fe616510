package dev.handoff.benchmarks;

import dev.handoff.env.WorkflowLoading;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Handoffs per second of tabular IC-Q as Q-routing (each router an agent, the destination its interface) on
 * {@code sample-workflows/routing-6x6.workflow.json}. One operation is one packet hop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RoutingHandoffBenchmark {
    static final int HANDOFFS = 50_000;
    static final long WARM_HANDOFFS = 200_000;

    private SeedTrainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        Workflow grid = BenchmarkWorkflows.sample("routing-6x6.workflow.json");
        trainer = new SeedTrainer(grid, WorkflowLoading.kindOf(grid), Algorithm.ICQ_TABULAR, 1, Long.MAX_VALUE);
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
