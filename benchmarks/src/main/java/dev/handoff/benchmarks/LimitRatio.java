package dev.handoff.benchmarks;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The product's tabular loop as a fraction of "the limit" (issue 16.1), measured so that a busy machine cannot tilt it:
 * one JVM, the limit loop and the product's {@link SeedTrainer} on ring10 alternating in rounds of 200,000 handoffs,
 * each round timed in the thread's CPU time (time the thread was waiting for a core is not counted; both loops see the
 * same neighbours within a fraction of a second). Prints the median rates and the quartiles of the per-round ratio.
 * Complements JMH's wall-clock figures ({@link LimitLoopBenchmark}, {@link TabularHandoffLoopBenchmark}), which a
 * loaded machine spreads widely. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.LimitRatio [icq-tabular|oracle|independent]
 * [other-kinds]} ({@code other-kinds}: first train routing, llm-math and cpu-programming in the same JVM).
 */
public final class LimitRatio {
    private static final int ROUNDS = 150;
    private static final long ROUND = 200_000;

    private LimitRatio() {
    }

    public static void main(String[] args) {
        String algorithm = args.length > 0 ? args[0] : "icq-tabular";
        boolean otherKinds = args.length > 1 && args[1].equals("other-kinds");
        if (otherKinds) {
            TabularHandoffLoopBenchmark.trainOtherKindsBriefly();
        }
        SeedTrainer product = new SeedTrainer(BenchmarkWorkflows.ring10(), new SyntheticKind(), Algorithm.parse(algorithm),
                TabularHandoffLoopBenchmark.SEED, Long.MAX_VALUE);
        product.runUntil(TabularHandoffLoopBenchmark.WARM_HANDOFFS, null);
        RingLimitLoop limit = LimitLoopBenchmark.warmedUp();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] limitRate = new double[ROUNDS];
        double[] productRate = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        double sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            sink += limit.run(ROUND, 0.1);
            long t1 = cpu.getCurrentThreadCpuTime();
            product.runUntil(product.handoffs() + ROUND, null);
            long t2 = cpu.getCurrentThreadCpuTime();
            limitRate[r] = ROUND * 1e3 / (t1 - t0);
            productRate[r] = ROUND * 1e3 / (t2 - t1);
            ratio[r] = productRate[r] / limitRate[r];
        }
        Arrays.sort(limitRate);
        Arrays.sort(productRate);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "%s%s: limit %.2f M/s, product %.2f M/s (CPU time, medians of %d rounds); "
                        + "product/limit per round: p25 %.3f, median %.3f, p75 %.3f%s%n", algorithm,
                otherKinds ? " after other kinds" : "", limitRate[ROUNDS / 2], productRate[ROUNDS / 2], ROUNDS,
                ratio[ROUNDS / 4], ratio[ROUNDS / 2], ratio[ROUNDS * 3 / 4], sink == 0 ? " " : "");
    }
}
