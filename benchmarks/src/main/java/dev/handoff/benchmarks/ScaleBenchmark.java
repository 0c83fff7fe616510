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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The scale curve (issue 16.3): handoffs per second of tabular IC-Q through {@link SeedTrainer#runUntil} on rings of
 * 10 to 10,000 agents and on routing networks of 36 to 1,000 routers ({@link ScaleWorkloads}). One operation is one
 * handoff; run with {@code -prof gc} for bytes per handoff. Heap per agent: {@link ScaleFootprint}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ScaleBenchmark {
    static final int HANDOFFS = 100_000;

    @Param({"ring10", "ring100", "ring1000", "ring10000", "routing-6x6", "routing-lata", "routing-gtsce",
            "routing-generated1000"})
    public String workload;

    private SeedTrainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        Workflow w = ScaleWorkloads.workflow(workload);
        trainer = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 1, Long.MAX_VALUE);
        trainer.runUntil(ScaleWorkloads.warmHandoffs(workload), null);
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
