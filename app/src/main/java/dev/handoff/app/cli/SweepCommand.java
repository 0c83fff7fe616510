package dev.handoff.app.cli;

import dev.handoff.app.cli.plot.SweepChart;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.sweep.SweepAlgorithm;
import dev.handoff.sweep.SweepAxes;
import dev.handoff.sweep.SweepAxis;
import dev.handoff.sweep.SweepCsv;
import dev.handoff.sweep.SweepDesign;
import dev.handoff.sweep.SweepCellStore;
import dev.handoff.sweep.SweepEngine;
import dev.handoff.sweep.SweepEngines;
import dev.handoff.sweep.SweepFolder;
import dev.handoff.sweep.SweepRequest;
import dev.handoff.sweep.SweepResult;
import dev.handoff.sweep.SweepRuns;
import dev.handoff.sweep.SweepSeries;
import dev.handoff.sweep.SweepSettings;
import dev.handoff.sweep.SweepSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code handoff sweep FILE --axis AXIS --values v1,v2,... --out DIR}: varies one axis with the rest of the workflow
 * fixed, over values × seeds; writes {@code sweep.csv} and {@code sweep.png}; progress on stderr; the last stdout line
 * is one JSON object with the per-value mean ± 95% CI and the fitted log–log slope of every metric (and policy).
 * {@code --engine} picks where the (value, seed, algorithm) cells run ({@code local} threads, or {@code spark} when
 * the sweep-spark module is on the class path); every engine writes the same files, and a sweep started again on the
 * same {@code --out} measures only the cells not finished there yet.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = HandoffCli.Version.class, description = "Vary one axis (load, handoffs, ...) over values x seeds; write sweep.csv and "
        + "sweep.png and print a JSON summary with log-log slopes as the last line.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a *.workflow.json file")
    Path file;

    @Option(names = "--axis", required = true, paramLabel = "AXIS", description = "the axis to vary: ${COMPLETION-CANDIDATES}",
            completionCandidates = AxisIds.class)
    String axis;

    @Option(names = "--values", required = true, split = ",", paramLabel = "V", description = "the axis values, comma-separated")
    double[] values;

    @Option(names = "--seeds", paramLabel = "A..B", converter = SeedRange.class, description = "seeds, e.g. 1..5 (default: the workflow's)")
    List<Long> seeds;

    @Option(names = "--handoffs", paramLabel = "N", description = "training handoffs per learner (default: the workflow's budget)")
    Long handoffs;

    @Option(names = "--algo", split = ",", paramLabel = "NAME", description = "policies/algorithms to compare, comma-separated (load: icq-tabular, "
            + "independent, shortest-path, oracle-router; handoffs: icq-tabular, oracle, independent; default: the axis's)")
    List<String> algo;

    @Option(names = {"-O", "--axis-option"}, paramLabel = "KEY=VALUE", description = "an axis-specific number, e.g. measure=5000 (load: measure, warmup in time units; "
            + "handoffs: episodes); an unknown key lists the axis's keys")
    Map<String, Double> axisOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for sweep.csv, sweep.png and the "
            + "finished cells (a sweep run again on it resumes); with --engine spark also a Hadoop URI (hdfs://, s3a://)")
    String out;

    @Option(names = "--threads", paramLabel = "K", description = "cells in parallel on the local engine (default: cores)")
    Integer threads;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local", description = "where the cells run: local "
            + "(default) or spark (Apache Spark; the sweep-spark module, which ./handoff adds)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "--engine spark: the Spark master (default local[*], "
            + "embedded; or spark://host:7077, yarn, k8s://...; under spark-submit, its --master)")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "--engine spark: a Spark setting, e.g. "
            + "spark.ui.enabled=false or spark.hadoop.fs.s3a.endpoint=...")
    Map<String, String> conf;

    @Option(names = "--title", paramLabel = "TEXT", description = "plot title (default: workflow name and axis)")
    String title;

    @Option(names = "--keep-runs", description = "keep the run folder of every cell that trains (manifest, metrics.csv, "
            + "checkpoints, summary) in OUT/runs/AXIS=VALUE/ALGO-seedN, for handoff export and handoff train --resume")
    boolean keepRuns;

    /** The JSON object of the last stdout line ({@code handoffs}: the learners' training budget, null on the handoffs axis). */
    record Summary(String workflow, String kind, String axis, String axisLabel, List<Double> values, List<Long> seeds,
                   Long handoffs, List<String> policies, Map<String, String> axisOptions, List<SweepSeries> metrics,
                   String csv, String png, double wallSeconds) {
    }

    /** The registered axis ids, for the help text. */
    static final class AxisIds extends ArrayList<String> {
        AxisIds() {
            super(SweepAxes.standard().ids());
        }
    }

    @Override
    public Integer call() throws Exception {
        Workflow w;
        try {
            w = HandoffCli.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        SweepAxes axes = SweepAxes.standard();
        Optional<SweepAxis> found = axes.byId(axis);
        if (found.isEmpty()) {
            System.err.println("--axis: unknown axis \"" + axis + "\" (known: " + String.join(", ", axes.ids()) + ")");
            return HandoffCli.INVALID_INPUT;
        }
        SweepAxis ax = found.get();
        if (!ax.supports(w)) {
            System.err.println("--axis: " + ax.unsupportedReason(w));
            return HandoffCli.INVALID_INPUT;
        }
        for (double v : values) {
            String problem = ax.problemWith(v);
            if (problem != null) {
                System.err.println("--values: " + v + ": " + problem);
                return HandoffCli.INVALID_INPUT;
            }
            // the workflow at this value must be valid too (λ beyond what the kind's other knobs allow, ...)
            List<dev.handoff.workflow.Problem> atValue = WorkflowLoading.problemsOf(ax.apply(w, v));
            if (!atValue.isEmpty()) {
                atValue.forEach(p -> System.err.println("--values: " + v + ": " + p));
                return HandoffCli.INVALID_INPUT;
            }
        }
        List<Long> seedList = seeds != null ? seeds : w.training().seeds();
        if (seedList.isEmpty()) {
            System.err.println("--seeds: no seeds given and the workflow names none");
            return HandoffCli.INVALID_INPUT;
        }
        if (handoffs != null && handoffs <= 0) {
            System.err.println("--handoffs: must be positive");
            return HandoffCli.INVALID_INPUT;
        }
        SweepSettings settings = new SweepSettings(algo, handoffs, axisOptions);
        // the design comes from the spec on every engine, here as on a remote worker: the same answer anywhere
        SweepSpec spec = SweepSpec.of(w, ax.id(), settings);
        SweepDesign design;
        try {
            design = spec.design();
        } catch (IllegalArgumentException e) {
            System.err.println("sweep: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        if (keepRuns && design.algorithms().stream().noneMatch(SweepAlgorithm::trains)) {
            System.err.println("--keep-runs: no cell of the " + ax.id() + " sweep trains learners, so none has a run folder"
                    + " (run folders come from the handoffs, load and cost-weight axes)");
            return HandoffCli.INVALID_INPUT;
        }
        Optional<SweepEngine> foundEngine = SweepEngines.byId(engine);
        if (foundEngine.isEmpty()) {
            System.err.println("--engine: no engine \"" + engine + "\" on the class path (found: "
                    + String.join(", ", SweepEngines.ids()) + ")" + (engine.equals("spark")
                    ? "; the Spark engine is the sweep-spark module: run through ./handoff, which builds it and adds it" : ""));
            return HandoffCli.INVALID_INPUT;
        }
        SweepEngine eng = foundEngine.get();
        Map<String, String> engineOptions = new LinkedHashMap<>(conf == null ? Map.of() : conf);
        if (master != null) {
            engineOptions.put("spark.master", master);
        }
        String optionProblem = eng.problemWithOptions(engineOptions);
        if (optionProblem != null) {
            System.err.println("--engine " + eng.id() + ": " + optionProblem);
            return HandoffCli.INVALID_INPUT;
        }
        SweepFolder folder;
        SweepCellStore store;
        try {
            folder = eng.folder(out, engineOptions);
            store = SweepCellStore.open(folder, spec);
        } catch (IllegalArgumentException e) {
            System.err.println("--out: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        int parallel = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        System.err.printf(Locale.ROOT, "sweep %s over %d values x %d seeds, policies %s, on the %s engine%s%n",
                ax.id(), values.length, seedList.size(), design.policies(), eng.id(),
                eng.id().equals("local") ? " (" + parallel + " threads)" : "");
        SweepResult result = eng.run(new SweepRequest(spec, design, values, seedList, store, parallel, engineOptions,
                System.err::println, keepRuns));

        folder.write("sweep.csv", SweepCsv.bytes(result));
        folder.write("sweep.png", SweepChart.png(result, title != null ? title : defaultTitle(w, design),
                subtitle(design, seedList, settings, w)));
        String csv = folder.locate("sweep.csv");
        String png = folder.locate("sweep.png");
        System.err.println("wrote " + csv + " and " + png + (keepRuns ? "; run folders in " + folder.locate(SweepRuns.RUNS) : ""));

        List<Double> vs = new ArrayList<>();
        for (double v : values) {
            vs.add(v);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (axisOptions != null) {
            axisOptions.forEach((k, v) -> options.put(k, Double.toString(v)));
        }
        Summary summary = new Summary(w.name(), w.environment().kind(), ax.id(), design.axisLabel(), vs, seedList,
                design.axis().equals("handoffs") ? null : handoffs != null ? handoffs : w.training().handoffs(),
                design.policies(), options, result.series(),
                csv, png, result.wallSeconds());
        System.out.println(Json.line(summary));
        return 0;
    }

    private static String defaultTitle(Workflow w, SweepDesign design) {
        String name = w.name() == null ? "workflow" : w.name();
        return name + ": " + design.axis() + " sweep";
    }

    private static String subtitle(SweepDesign design, List<Long> seeds, SweepSettings settings, Workflow w) {
        String seedText = seeds.size() == 1 ? "one seed (" + seeds.get(0) + "), no CI band"
                : "mean ± 95% CI over " + seeds.size() + " seeds (shaded)";
        long budget = settings.handoffs() != null ? settings.handoffs() : w.training().handoffs();
        String train = design.axis().equals("handoffs") ? "" : String.format(Locale.ROOT, "; learners trained %,d handoffs", budget);
        StringBuilder opts = new StringBuilder();
        settings.options().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                opts.append(opts.length() == 0 ? "; " : ", ").append(e.getKey()).append(" = ").append(num(e.getValue())));
        return seedText + train + opts;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }
}
