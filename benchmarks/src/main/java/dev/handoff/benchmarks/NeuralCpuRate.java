package dev.handoff.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The neural figures of issue 16.5 in the thread's CPU time, so that a busy machine cannot halve them: training steps
 * per CPU-second at batch 32/256 × width 64/256, microseconds of CPU per greedy decision with the mirror at width
 * 64/256, and handoffs per CPU-second of a whole neural ring10 run; the medians of 15 rounds after 5 for warm-up, on
 * the same set-ups as {@link NeuralBenchmarks} (one torch thread, which runs on the calling thread, so its work is in
 * that thread's CPU time). Complements JMH's wall-clock figures. Usage:
 * {@code java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp benchmarks/target/benchmarks.jar
 * dev.handoff.benchmarks.NeuralCpuRate}.
 */
public final class NeuralCpuRate {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM = 5;
    private static final int ROUNDS = 15;

    private NeuralCpuRate() {
    }

    public static void main(String[] args) {
        for (int width : new int[] {64, 256}) {
            for (int batch : new int[] {32, 256}) {
                NeuralBenchmarks.Training t = new NeuralBenchmarks.Training();
                t.width = width;
                t.batch = batch;
                t.setUp();
                double perSecond = 1e9 / medianNanos(300, () -> t.net.train(t.x, t.mask, t.y, t.batch));
                System.out.printf(Locale.ROOT, "training steps per CPU-second, batch %d, width %d: %.0f%n", batch, width, perSecond);
                t.tearDown();
            }
        }
        for (int width : new int[] {64, 256}) {
            NeuralBenchmarks.Acting a = new NeuralBenchmarks.Acting();
            a.width = width;
            a.setUp();
            int[] sink = new int[1];
            double micros = medianNanos(20_000, () -> sink[0] += a.learner.greedyAction(a.nextView())) / 1e3;
            System.out.printf(Locale.ROOT, "CPU per greedy decision with the mirror, width %d: %.2f µs%s%n", width, micros,
                    sink[0] == Integer.MIN_VALUE ? " " : "");
            a.tearDown();
        }
        NeuralBenchmarks.WholeRun run = new NeuralBenchmarks.WholeRun();
        run.setUp();
        double perHandoff = medianNanos(1, () -> run.trainer.runUntil(run.trainer.handoffs() + 1_000, null)) / 1_000;
        System.out.printf(Locale.ROOT, "whole neural IC-Q run, ring10: %.0f handoffs per CPU-second%n", 1e9 / perHandoff);
        run.tearDown();
    }

    /** CPU nanoseconds per operation: median over rounds of {@code perRound} operations. */
    private static double medianNanos(int perRound, Runnable op) {
        double[] rounds = new double[ROUNDS];
        for (int r = -WARM; r < ROUNDS; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int k = 0; k < perRound; k++) {
                op.run();
            }
            long t1 = CPU.getCurrentThreadCpuTime();
            if (r >= 0) {
                rounds[r] = (double) (t1 - t0) / perRound;
            }
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }
}
