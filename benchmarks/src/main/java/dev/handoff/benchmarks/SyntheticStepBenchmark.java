package dev.handoff.benchmarks;

import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.util.Rng;
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
 * Where a tabular handoff's time goes, by subtraction: the ring10 simulator alone (read the view, pick a uniformly
 * random action with the product's {@link Rng}, simulate the option, read the receiver's view), with no learner and
 * no trainer bookkeeping. Compare with {@link TabularHandoffLoopBenchmark}; one operation is one handoff.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SyntheticStepBenchmark {
    static final int HANDOFFS = 100_000;

    private HandoffEnvironment env;
    private final StepOutcome out = new StepOutcome();
    private final Rng actRng = new Rng(2);

    @Setup(Level.Trial)
    public void setUp() {
        env = new SyntheticKind().create(BenchmarkWorkflows.ring10());
        env.reset(new Rng(1));
    }

    /** Simulator, views and action draw only. */
    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public long simulatorOnly() {
        long sink = 0;
        for (int k = 0; k < HANDOFFS; k++) {
            int i = env.nextDecision();
            sink += env.viewKey();
            env.step(actRng.nextInt(env.actionCount(i)), out);
            if (out.receiver != HandoffEnvironment.STOP) {
                sink += env.receiverViewKey();
            }
        }
        return sink;
    }

    /** The product's random numbers alone: five uniform draws and one log, about what one handoff consumes. */
    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public double randomDrawsOnly() {
        double sink = 0;
        for (int k = 0; k < HANDOFFS; k++) {
            sink += actRng.nextDouble() + actRng.nextDouble() + actRng.nextDouble() + actRng.nextDouble()
                    + Math.log(1 - actRng.nextDouble());
        }
        return sink;
    }
}
