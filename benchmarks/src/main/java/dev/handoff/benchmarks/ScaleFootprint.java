package dev.handoff.benchmarks;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Heap per agent of the scale curve's workloads (issue 16.3), printed as a Markdown table: the heap a trained
 * {@link SeedTrainer} (tables, simulator, statistics) keeps after its warm-up handoffs, measured as the live heap after
 * full collections with and without it, and the workflow document's own heap. Also times building each. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.ScaleFootprint [workload...]}.
 */
public final class ScaleFootprint {
    private ScaleFootprint() {
    }

    public static void main(String[] args) {
        String[] names = args.length > 0 ? args : ScaleWorkloads.NAMES;
        // classes loaded and static tables filled once, so the first row measures its workload only
        Workflow first = ScaleWorkloads.workflow("ring10");
        new SeedTrainer(first, WorkflowLoading.kindOf(first), Algorithm.ICQ_TABULAR, 1, Long.MAX_VALUE).runUntil(100_000, null);
        System.out.println("| workload | agents | workflow heap | trainer heap | trainer heap per agent | build workflow | build trainer |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String name : names) {
            long before = liveHeap();
            long t0 = System.nanoTime();
            Workflow w = ScaleWorkloads.workflow(name);
            long t1 = System.nanoTime();
            long withWorkflow = liveHeap();
            long t2 = System.nanoTime();
            SeedTrainer trainer = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 1, Long.MAX_VALUE);
            long t3 = System.nanoTime();
            trainer.runUntil(ScaleWorkloads.warmHandoffs(name), null);
            long withTrainer = liveHeap();
            int agents = w.agents().size();
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %,d B | %.2f s | %.2f s |%n", name, agents,
                    mb(withWorkflow - before), mb(withTrainer - withWorkflow), (withTrainer - withWorkflow) / agents,
                    (t1 - t0) / 1e9, (t3 - t2) / 1e9);
            if (trainer.handoffs() == 0 || w.agents().isEmpty()) {
                throw new IllegalStateException("nothing ran");
            }
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    /** Heap in use after full collections (repeated until it stops shrinking). */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int k = 0; k < 10; k++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
