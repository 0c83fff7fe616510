package dev.handoff.sweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a sweep: one axis over values × seeds with the rest of the workflow held fixed. Each (value, seed) is measured
 * independently (in parallel on up to {@code parallelism} threads, fewer if the design says so) and lands at its own place, so the result does not
 * depend on the number of threads or the order in which measurements finish.
 */
public final class SweepEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SweepEngine.class);

    private SweepEngine() {
    }

    public static SweepResult run(SweepDesign design, double[] values, List<Long> seeds, int parallelism,
                                  Consumer<String> progress) throws InterruptedException {
        if (values.length == 0 || seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value and one seed");
        }
        int policies = design.policies().size();
        int metrics = design.metrics().size();
        double[][][][] data = new double[policies][metrics][values.length][seeds.size()];
        int tasks = values.length * seeds.size();
        int threads = Math.max(1, Math.min(Math.min(parallelism, design.maxParallelism()), tasks));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int v = 0; v < values.length; v++) {
                for (int s = 0; s < seeds.size(); s++) {
                    int vi = v;
                    int si = s;
                    futures.add(pool.submit(() -> {
                        List<SweepReading> readings = design.measurement().measure(values[vi], seeds.get(si));
                        store(design, readings, data, vi, si);
                        int k = done.incrementAndGet();
                        if (progress != null) {
                            progress.accept(String.format(Locale.ROOT, "sweep %s: %d/%d measured (%s = %s, seed %d) %.1fs",
                                    design.axis(), k, tasks, design.axis(), LogLogSlope.format(values[vi]),
                                    seeds.get(si), (System.nanoTime() - t0) / 1e9));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    LOG.warn("sweep measurement failed", cause);
                    throw new IllegalStateException("a sweep measurement failed: " + cause.getMessage(), cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new SweepResult(design, values, seeds, data, (System.nanoTime() - t0) / 1e9);
    }

    /** Puts one (value, seed)'s readings in place, checking they are the policies and metrics the design declared. */
    private static void store(SweepDesign design, List<SweepReading> readings, double[][][][] data, int v, int s) {
        int policies = design.policies().size();
        boolean[] seen = new boolean[policies];
        for (SweepReading r : readings) {
            int p = design.policies().indexOf(r.policy());
            if (p < 0 || seen[p]) {
                throw new IllegalStateException("unexpected or repeated policy \"" + r.policy() + "\" in a reading");
            }
            seen[p] = true;
            for (int m = 0; m < design.metrics().size(); m++) {
                Double x = r.metrics().get(design.metrics().get(m).id());
                if (x == null) {
                    throw new IllegalStateException("reading of " + r.policy() + " lacks metric "
                            + design.metrics().get(m).id());
                }
                data[p][m][v][s] = x;
            }
        }
        for (int p = 0; p < policies; p++) {
            if (!seen[p]) {
                throw new IllegalStateException("no reading for policy " + design.policies().get(p));
            }
        }
    }
}
