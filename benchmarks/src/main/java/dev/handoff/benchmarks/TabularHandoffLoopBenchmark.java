package dev.handoff.benchmarks;

import dev.handoff.env.WorkflowLoading;
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
 * independent learners, with trace recording off (the default) or handing each handoff to a counting recorder. One
 * operation is one handoff; run with {@code -prof gc} for bytes allocated per handoff.
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

    /**
     * {@code none}: a JVM that has only trained ring10. {@code other-kinds}: first trains routing-6x6, llm-math and
     * cpu-programming briefly in the same JVM, as an app session or a mixed sweep does, so that every call site the
     * kinds share has seen several receiver types (the product keeps its environment calls monomorphic anyway).
     */
    @Param({"none"})
    public String pollution;

    /**
     * {@code off}: no trace recorder, as {@code handoff train} without {@code --traces} (the loop's one
     * {@code if (rec != null)} is all that recording costs then). {@code counting}: a recorder that counts the handoffs it
     * is shown, the loop's cost of handing every handoff to a recorder before any writing.
     */
    @Param({"off"})
    public String recording;

    private SeedTrainer trainer;
    private long recorded;

    @Setup(Level.Trial)
    public void setUp() {
        if (pollution.equals("other-kinds")) {
            trainOtherKindsBriefly();
        } else if (!pollution.equals("none")) {
            throw new IllegalArgumentException("pollution is none or other-kinds, not " + pollution);
        }
        Workflow ring = BenchmarkWorkflows.ring10();
        trainer = new SeedTrainer(ring, new SyntheticKind(), Algorithm.parse(algorithm), SEED, Long.MAX_VALUE);
        switch (recording) {
            case "off" -> { }
            case "counting" -> trainer.recordHandoffs((agent, view, action, outcome, received, sent) -> recorded++);
            default -> throw new IllegalArgumentException("recording is off or counting, not " + recording);
        }
        trainer.runUntil(WARM_HANDOFFS, null);
    }

    /** Trains routing-6x6, llm-math and cpu-programming briefly (IC-Q and independent), as a mixed session would. */
    static void trainOtherKindsBriefly() {
        trainBriefly("routing-6x6.workflow.json", 200_000);
        trainBriefly("llm-math-mixtral-gpt4.workflow.json", 200_000);
        trainBriefly("cpu-hackers-delight.workflow.json", 20_000);
    }

    private static void trainBriefly(String sample, long handoffs) {
        Workflow w = BenchmarkWorkflows.sample(sample);
        for (String algo : new String[] {"icq-tabular", "independent"}) {
            new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.parse(algo), 1, Long.MAX_VALUE).runUntil(handoffs, null);
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDOFFS)
    public long handoffs() {
        long target = trainer.handoffs() + HANDOFFS;
        if (!trainer.runUntil(target, null) || trainer.handoffs() != target) {
            throw new IllegalStateException("the run stopped short of " + target + " handoffs: " + trainer.divergence());
        }
        return target + recorded;
    }
}
