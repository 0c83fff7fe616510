package dev.handoff.sweep.spark;

import dev.handoff.sweep.SweepCell;
import dev.handoff.sweep.SweepCellJson;
import dev.handoff.sweep.SweepCellResult;
import dev.handoff.sweep.SweepCellStore;
import dev.handoff.sweep.SweepDesign;
import dev.handoff.sweep.SweepFolder;
import dev.handoff.sweep.SweepSpec;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Spark task: one cell of a sweep. It rebuilds the sweep's design from the broadcast {@link SweepSpec} (once per
 * executor JVM), measures the cell with the same code the local engine runs (with {@code --keep-runs}, its run
 * folder built on the executor's disk and copied to the output folder), writes the cell's file to the output folder
 * and returns the cell's small JSON row to the driver. Measuring is deterministic for the cell and the file is
 * replaced whole, so a task Spark retries (or runs twice speculatively) leaves the same result.
 */
final class CellTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    /** Cells whose design allows one at a time per process (DJL training) take this lock. */
    private static final Object EXCLUSIVE = new Object();
    private static final Map<String, SweepDesign> DESIGNS = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SweepDesign> eldest) {
            return size() > 4;
        }
    };

    private final Broadcast<String> spec;
    private final HadoopSweepFolder.Ref folder;
    private final boolean keepRuns;

    CellTask(Broadcast<String> spec, HadoopSweepFolder.Ref folder, boolean keepRuns) {
        this.spec = spec;
        this.folder = folder;
        this.keepRuns = keepRuns;
    }

    @Override
    public String call(String encodedCell) throws Exception {
        SweepCell cell = decode(encodedCell);
        SweepDesign design = designOf(spec.value());
        SweepCellResult result;
        try {
            HadoopSweepFolder out = folder.open();
            SweepFolder runs = keepRuns ? out : null;
            if (design.maxParallelism() == 1) {
                synchronized (EXCLUSIVE) {
                    result = SweepCellResult.measure(design, cell, worker(), runs);
                }
            } else {
                result = SweepCellResult.measure(design, cell, worker(), runs);
            }
            SweepCellStore.save(out, result);
        } catch (Exception e) {
            throw new IllegalStateException("cell " + cell.describe(design.axis()) + " failed: " + e, e);
        }
        return SweepCellJson.writeString(result);
    }

    /** The design of a spec, built once per executor JVM (building it may solve an exact model). */
    static SweepDesign designOf(String specJson) {
        synchronized (DESIGNS) {
            return DESIGNS.computeIfAbsent(specJson, json -> SweepSpec.fromJson(json).design());
        }
    }

    private static String worker() {
        SparkEnv env = SparkEnv.get();
        return "executor " + (env == null ? "?" : env.executorId()) + " on " + Host.NAME;
    }

    /** This machine's name, looked up once. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "unknown host";
            }
        }
    }

    /** A cell as a task's input: the value's exact bits, the seed and the algorithm (plain text for any serializer). */
    static String encode(SweepCell cell) {
        return Long.toHexString(Double.doubleToRawLongBits(cell.value())) + " " + cell.seed() + " " + cell.algorithm();
    }

    static SweepCell decode(String s) {
        String[] p = s.split(" ", 3);
        return new SweepCell(Double.longBitsToDouble(Long.parseUnsignedLong(p[0], 16)), Long.parseLong(p[1]), p[2]);
    }
}
