package dev.handoff.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 "Hostile and broken input": every loader, fed {@value #TRIES} damaged documents per run (fixed seed, so
 * every CI run tries the same ones), accepts each or refuses it with a typed error in plain {@code where: what} lines
 * naming the JSON Pointer or line; never another exception, a hang ({@value #SECONDS} s) or unbounded allocation
 * ({@link #allocationBound}). The loaders and their corpora are in {@link LoaderTargets}; the damage in
 * {@link Mutations}. The count of documents tried, by loader and outcome, is printed with the jqwik statistics.
 */
class LoaderFuzzTest {
    static final int TRIES = 12_000;
    static final int SECONDS = 20;
    private static final AtomicLong TRIED = new AtomicLong();
    private static final AtomicLong CRASHES = new AtomicLong();
    private static final Map<String, Long> BY_OUTCOME = new TreeMap<>();
    private static final Map<String, Long> NANOS = new TreeMap<>();
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzzed-loader");
        t.setDaemon(true);
        return t;
    });

    @Property(tries = TRIES, seed = "20260513", generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.BOUNDED,
            afterFailure = net.jqwik.api.AfterFailureMode.PREVIOUS_SEED)
    void everyLoaderAcceptsOrRefusesPlainly(@ForAll("damage") Damage damage) throws Exception {
        List<LoaderTarget> targets = LoaderTargets.all();
        LoaderTarget target = targets.get(Math.floorMod(damage.target(), targets.size()));
        Map<String, byte[]> corpus = target.corpora().get(Math.floorMod(damage.corpus(), target.corpora().size()));
        String file = target.mutable().get(Math.floorMod(damage.file(), target.mutable().size()));
        long start = System.nanoTime();
        Path root = Files.createTempDirectory("fuzz-case");
        try {
            LoaderTarget.write(corpus, root);
            byte[] damaged = Mutations.apply(file, corpus.get(file), damage);
            Path p = root.resolve(file);
            Files.delete(p);
            if (damaged == Mutations.FOLDER) {
                Files.createDirectories(p);
            } else if (damaged != null) {
                Files.write(p, damaged);
            }
            long inputBytes = LoaderTarget.size(corpus) + (damaged == null ? 0 : damaged.length);
            long t0 = System.nanoTime();
            String outcome = run(target, root, inputBytes, damage);
            synchronized (NANOS) {
                NANOS.merge(target.name(), System.nanoTime() - t0, Long::sum);
                NANOS.merge("(setup) " + target.name(), t0 - start, Long::sum);
            }
            Statistics.label("loader").collect(target.name());
            Statistics.label("outcome").collect(outcome);
            TRIED.incrementAndGet();
            synchronized (BY_OUTCOME) {
                BY_OUTCOME.merge(target.name() + ": " + outcome, 1L, Long::sum);
            }
        } finally {
            deleteTree(root);
        }
    }

    /** Loads on its own thread, within {@value #SECONDS} s and the allocation bound; returns "accepted" or "refused". */
    private static String run(LoaderTarget target, Path root, long inputBytes, Damage damage) throws Exception {
        long[] allocated = new long[1];
        Future<Throwable> f = LOADER.submit(() -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = mx.getCurrentThreadAllocatedBytes();
            try {
                target.load().from(root);
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
            }
        });
        Throwable thrown;
        try {
            thrown = f.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            CRASHES.incrementAndGet();
            throw new AssertionError(target.name() + " did not finish within " + SECONDS + " s on " + damage);
        }
        assertThat(allocated[0]).as("%s allocated on %s", target.name(), damage).isLessThanOrEqualTo(allocationBound(inputBytes));
        if (thrown == null) {
            return "accepted";
        }
        Throwable typed = Refusals.typed(thrown);
        if (typed == null) {
            CRASHES.incrementAndGet();
            throw new AssertionError(target.name() + " crashed on " + damage + ": " + thrown, thrown);
        }
        String fault = Refusals.messageFault(typed);
        if (fault != null) {
            CRASHES.incrementAndGet();
            throw new AssertionError(target.name() + " refused " + damage + " but " + fault, typed);
        }
        return "refused";
    }

    /**
     * Bytes one load may allocate in all (garbage included): 256 MB plus 200 times its input. Generous for parsing and a
     * few hundred handoffs; orders of magnitude below what a corrupted length or count would make a naive reader ask for.
     */
    static long allocationBound(long inputBytes) {
        return (256L << 20) + 200 * inputBytes;
    }

    @Provide
    Arbitrary<Damage> damage() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1 << 30);
        return Combinators.combine(any, any, any, Arbitraries.of(Damage.Kind.class), any, any, any).as(Damage::new);
    }

    @AfterContainer
    static void report() {
        System.out.println("loader fuzz: " + TRIED.get() + " documents tried across " + LoaderTargets.all().size()
                + " loaders, " + CRASHES.get() + " crashes");
        synchronized (BY_OUTCOME) {
            BY_OUTCOME.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        }
        synchronized (NANOS) {
            NANOS.forEach((k, v) -> System.out.println("  " + k + ": " + v / 1_000_000 + " ms loading"));
        }
        assertThat(CRASHES.get()).isZero();
        assertThat(TRIED.get()).isGreaterThanOrEqualTo(10_000);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
