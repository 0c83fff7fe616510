package dev.handoff.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples this JVM's heap every few seconds into a CSV (issue 13 "Long runs"): seconds since start, handoffs done,
 * heap in use, heap committed, and the heap left live after the last collection of the old generation (the figure
 * that grows when something leaks; "in use" also counts garbage not yet collected). Never forces a collection.
 */
final class HeapSampler implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<String> rows = new ArrayList<>();
    private final Path csv;
    private final long start = System.nanoTime();

    HeapSampler(Path csv, long everySeconds, LongSupplier handoffs) {
        this.csv = csv;
        rows.add("seconds,handoffs,heapUsedMB,heapCommittedMB,oldGenAfterLastGcMB");
        timer.scheduleAtFixedRate(() -> sample(handoffs.getAsLong()), 0, everySeconds, TimeUnit.SECONDS);
    }

    private synchronized void sample(long handoffs) {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long oldAfterGc = -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                    && pool.getCollectionUsage() != null) {
                oldAfterGc = pool.getCollectionUsage().getUsed();
            }
        }
        rows.add(String.format(Locale.ROOT, "%.0f,%d,%.1f,%.1f,%.1f", (System.nanoTime() - start) / 1e9, handoffs,
                heap.getUsed() / 1e6, heap.getCommitted() / 1e6, oldAfterGc / 1e6));
        try {
            Files.write(csv, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<String> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
