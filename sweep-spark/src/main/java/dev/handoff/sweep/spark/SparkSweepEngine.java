package dev.handoff.sweep.spark;

import dev.handoff.sweep.SweepCell;
import dev.handoff.sweep.SweepCellJson;
import dev.handoff.sweep.SweepCellResult;
import dev.handoff.sweep.SweepCellStore;
import dev.handoff.sweep.SweepEngine;
import dev.handoff.sweep.SweepFolder;
import dev.handoff.sweep.SweepGrid;
import dev.handoff.sweep.SweepProgress;
import dev.handoff.sweep.SweepRequest;
import dev.handoff.sweep.SweepResult;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code spark} engine: every pending cell of a sweep is one Spark task ({@link CellTask}) in one job; only the
 * cells' small JSON rows come back to the driver, which assembles them with the local engine's {@link SweepGrid}.
 * Cells already in the output folder are not run again. With {@code spark.master} unset the sweep runs embedded on
 * {@code local[*]}; under {@code spark-submit} the master and the rest of the settings are spark-submit's. A
 * SparkContext this engine starts is stopped when the sweep ends; one that was already running is left running.
 */
public final class SparkSweepEngine implements SweepEngine {
    public static final String ID = "spark";
    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Apache Spark tasks, one per cell (--master, default " + DEFAULT_MASTER + ")";
    }

    @Override
    public String problemWithOptions(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.startsWith("spark.")) {
                return "--conf " + key + ": Spark settings start with \"spark.\"";
            }
        }
        SparkConf conf = SparkSettings.conf(options);
        String master = conf.get("spark.master");
        if (!master.startsWith("local") && !conf.contains("spark.jars")) {
            // spark-submit sets spark.jars to the application jar; a CLI started by ./handoff has no jar to ship
            return "--master " + master + ": the executors need this program's classes; run the sweep through "
                    + "spark-submit with sweep-spark/target/handoff-spark-submit.jar (README, \"Sweeps on Apache Spark\"), "
                    + "or add --conf spark.jars=<that jar>";
        }
        return null;
    }

    @Override
    public SweepFolder folder(String out, Map<String, String> options) throws IOException {
        return HadoopSweepFolder.ref(out, SparkSettings.asMap(SparkSettings.conf(options))).open();
    }

    @Override
    public SweepResult run(SweepRequest request) throws Exception {
        SparkConf conf = SparkSettings.conf(request.options());
        boolean ours = SparkEnv.get() == null;
        SparkContext sc = SparkContext.getOrCreate(conf);
        try {
            return run(request, JavaSparkContext.fromSparkContext(sc), SparkSettings.asMap(conf));
        } finally {
            if (ours) {
                sc.stop();
            }
        }
    }

    private SweepResult run(SweepRequest request, JavaSparkContext jsc, Map<String, String> settings)
            throws IOException, InterruptedException {
        SweepGrid grid = request.grid();
        String axis = grid.design().axis();
        SweepCellStore store = request.store();
        Map<SweepCell, SweepCellResult> results = new HashMap<>(store.finished(grid, request::report,
                request.keepRuns()));
        List<SweepCell> pending = SweepCellStore.pending(grid, results);
        int total = grid.cells().size();
        request.report("sweep: Spark " + jsc.sc().version() + ", master " + jsc.master() + ", "
                + jsc.sc().defaultParallelism() + " task slots" + (jsc.sc().uiWebUrl().isDefined()
                ? ", Spark UI at " + jsc.sc().uiWebUrl().get() : ", no Spark UI"));
        String note = store.resumeNote(results.size(), total);
        if (note != null) {
            request.report(note);
        }
        long t0 = System.nanoTime();
        if (!pending.isEmpty()) {
            for (String row : collect(jsc, request, pending, settings, new SweepProgress(axis, total, results.size(),
                    request.progress()))) {
                SweepCellResult r = SweepCellJson.read(row);
                results.put(r.cell(), r);
            }
        }
        return grid.assemble(results, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs one task per pending cell and returns their JSON rows. */
    private static List<String> collect(JavaSparkContext jsc, SweepRequest request, List<SweepCell> pending,
                                        Map<String, String> settings, SweepProgress progress) {
        String group = "handoff-sweep-" + UUID.randomUUID();
        CellProgress listener = new CellProgress(group, pending, progress);
        List<String> cells = new ArrayList<>();
        pending.forEach(c -> cells.add(CellTask.encode(c)));
        Broadcast<String> spec = jsc.broadcast(request.spec().toJson());
        HadoopSweepFolder.Ref folder = HadoopSweepFolder.ref(request.store().folder().location(), settings);
        jsc.sc().addSparkListener(listener);
        jsc.setJobGroup(group, "handoff sweep " + request.design().axis() + ": " + pending.size() + " cells", true);
        try {
            List<String> rows = jsc.parallelize(cells, cells.size())
                    .map(new CellTask(spec, folder, request.keepRuns())).collect();
            listener.finish();
            return rows;
        } catch (Exception e) { // SparkException, which Scala does not declare
            throw new IllegalStateException("the Spark sweep failed (finished cells are saved in "
                    + request.store().folder().location() + "; run the same command to resume): " + rootMessage(e), e);
        } finally {
            jsc.clearJobGroup();
            jsc.sc().removeSparkListener(listener);
            spec.destroy();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t instanceof SparkException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
