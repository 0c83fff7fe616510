package dev.handoff.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Samples this JVM's heap every few seconds into a CSV (issue 13 "Long runs"): seconds since start, handoffs done,
 * heap in use, heap committed, the heap in use right after the most recent collection, the collections so far, and,
 * every {@code liveEvery}-th sample, the live heap: what a full collection (forced then) leaves, the one figure that
 * grows only if something is kept (young collections leave old garbage in place until a marking cycle runs).
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

    private final AtomicLong heapAfterLastGc = new AtomicLong(-1);
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener afterGc = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (HEAP_POOLS.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            heapAfterLastGc.set(used);
            collections.incrementAndGet();
        }
    };
    private static final List<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList();

    private final int liveEvery;
    private long samples;

    HeapSampler(Path csv, long everySeconds, int liveEvery, LongSupplier handoffs) {
        this.csv = csv;
        this.liveEvery = liveEvery;
        rows.add("seconds,handoffs,heapUsedMB,heapCommittedMB,heapAfterLastGcMB,collections,liveHeapMB");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                emitters.add(emitter);
            }
        }
        timer.scheduleAtFixedRate(() -> sample(handoffs.getAsLong()), 0, everySeconds, TimeUnit.SECONDS);
    }

    private synchronized void sample(long handoffs) {
        var memory = ManagementFactory.getMemoryMXBean();
        var heap = memory.getHeapMemoryUsage();
        String live = "";
        if (samples++ % liveEvery == liveEvery - 1) {
            long least = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) { // a collection asked for while a JNI critical section runs may not happen
                System.gc();
                least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
            }
            live = String.format(Locale.ROOT, "%.1f", least / 1e6);
        }
        rows.add(String.format(Locale.ROOT, "%.0f,%d,%.1f,%.1f,%.1f,%d,%s", (System.nanoTime() - start) / 1e9, handoffs,
                heap.getUsed() / 1e6, heap.getCommitted() / 1e6, heapAfterLastGc.get() / 1e6, collections.get(), live));
        try {
            Files.write(csv, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes holding the most heap after a full collection (the JVM's class histogram), top {@code lines}. */
    static List<String> classHistogram(int lines) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return histogram.lines().limit(lines + 3L).toList();
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram: " + e, e);
        }
    }

    synchronized List<String> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
