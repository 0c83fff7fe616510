package dev.handoff.benchmarks;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The scale curve (issue 16.3) in the thread's CPU time: nanoseconds per handoff of the product's tabular IC-Q on each
 * of {@link ScaleWorkloads}, and, on the rings, of the limit loop on the same ring alternating with it in rounds
 * ({@link RingLimitLoop}: the fastest layout, so its own growth with the agents is what the memory system costs, not
 * the product). Medians of 30 rounds after the workloads' warm-up; prints a CSV. Usage:
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.ScaleCpuRate [workload...]}.
 */
public final class ScaleCpuRate {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 30;

    private ScaleCpuRate() {
    }

    public static void main(String[] args) {
        String[] names = args.length > 0 ? args : ScaleWorkloads.NAMES;
        System.out.println("workload,agents,productNsPerHandoff,limitNsPerHandoff");
        for (String name : names) {
            Workflow w = ScaleWorkloads.workflow(name);
            SeedTrainer product = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 1, Long.MAX_VALUE);
            product.runUntil(ScaleWorkloads.warmHandoffs(name), null);
            RingLimitLoop limit = null;
            if (name.startsWith("ring")) {
                limit = new RingLimitLoop(w.agents().size(), 1);
                for (long done = 0; done < ScaleWorkloads.warmHandoffs(name); done += 50_000) {
                    limit.run(50_000, 1.0 + (0.1 - 1.0) * ((double) done / 2_000_000));
                }
            }
            long round = 500_000;
            double[] p = new double[ROUNDS];
            double[] l = new double[ROUNDS];
            double sink = 0;
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                product.runUntil(product.handoffs() + round, null);
                long t1 = CPU.getCurrentThreadCpuTime();
                if (limit != null) {
                    sink += limit.run(round, 0.1);
                }
                long t2 = CPU.getCurrentThreadCpuTime();
                p[r] = (double) (t1 - t0) / round;
                l[r] = (double) (t2 - t1) / round;
            }
            Arrays.sort(p);
            Arrays.sort(l);
            System.out.printf(Locale.ROOT, "%s,%d,%.1f,%s%n", name, w.agents().size(), p[ROUNDS / 2],
                    limit == null ? "" : String.format(Locale.ROOT, "%.1f", l[ROUNDS / 2] + (sink == 0 ? 0 : 0)));
        }
    }
}
