package dev.handoff.app.cli;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.cpureport.CpuExperiment;
import dev.handoff.env.cpu.CpuPolicyEvaluation;
import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.env.cpu.FixedPipelines;
import dev.handoff.cpureport.SolvedPrograms;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.train.Algorithm;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code handoff cpu-report FILE}: issue 8's comparison on a cpu-programming workflow. Trains IC-Q (tabular), the
 * centralised oracle learner and, with {@code --neural-handoffs}, neural IC-Q per seed, runs their greedy pipelines and every fixed pipeline once on every task, and
 * writes {@code cpu-report.csv}, {@code cpu-report.png} (accuracy against mean cost per policy) and the submitted
 * programs ({@code programs/<task>.s} for IC-Q's first seed, {@code programs/<policy>/<task>.s} for the others).
 * The last stdout line is one JSON object.
 */
@Command(name = "cpu-report", description = "Compare IC-Q, the oracle learner and every fixed pipeline on a cpu-programming workflow.")
public final class CpuReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a cpu-programming *.workflow.json")
    Path file;

    @Option(names = "--seeds", paramLabel = "A..B", converter = SeedRange.class, description = "seeds, e.g. 1..3 (default: the workflow's)")
    List<Long> seeds;

    @Option(names = "--handoffs", paramLabel = "N", description = "training handoffs per seed (default: the workflow's budget)")
    Long handoffs;

    @Option(names = "--neural-handoffs", paramLabel = "N",
        description = "also train neural IC-Q for N handoffs per seed (default 0: not trained; a network step costs far more than a table update)")
    long neuralHandoffs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the CSV, the PNG and programs/")
    Path out;

    @Mixin
    NeuralOptions neuralOptions = new NeuralOptions();

    /** Runs the command on its own (until it is registered as a subcommand of {@code handoff}). */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new CpuReportCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("handoff cpu-report: " + ex.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Workflow w;
        try {
            w = HandoffCli.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        EnvironmentKind k = WorkflowLoading.kindOf(w);
        if (!(k instanceof CpuProgrammingKind kind)) {
            System.err.println("handoff cpu-report: " + file + " is a " + k.id() + " workflow, not " + CpuProgrammingKind.ID);
            return HandoffCli.INVALID_INPUT;
        }
        List<Long> seedList = seeds != null ? seeds : w.training().seeds();
        long budget = handoffs != null ? handoffs : w.training().handoffs();
        if (budget <= 0 || seedList.isEmpty() || neuralHandoffs < 0) {
            System.err.println("handoff cpu-report: --handoffs must be positive, --neural-handoffs not negative and --seeds non-empty");
            return HandoffCli.INVALID_INPUT;
        }
        List<String> neuralErrors = new ArrayList<>();
        NeuralSettings neural = neuralOptions.resolve(w, neuralErrors);
        if (neural == null) {
            neuralErrors.forEach(System.err::println);
            return HandoffCli.INVALID_INPUT;
        }
        long t0 = System.nanoTime();
        System.err.printf(Locale.ROOT, "cpu-report: %d fixed pipelines, then icq-tabular and oracle on seeds %s, %,d handoffs each%s%n",
            fixedCount(w), seedList, budget,
            neuralHandoffs > 0 ? String.format(Locale.ROOT, ", then icq-neural, %,d handoffs each", neuralHandoffs) : "");
        CpuExperiment.Report r = CpuExperiment.run(w, kind, List.of(Algorithm.ICQ_TABULAR, Algorithm.ORACLE), seedList, budget,
            neuralHandoffs, neural);
        Files.createDirectories(out);
        writeCsv(out.resolve("cpu-report.csv"), r);
        writePlot(out.resolve("cpu-report.png"), r);
        List<CpuExperiment.SeedResult> icq = r.of(Algorithm.ICQ_TABULAR);
        SolvedPrograms.write(out.resolve("programs"), icq.get(0).greedy());
        for (CpuExperiment.SeedResult s : r.learned()) {
            SolvedPrograms.write(out.resolve("programs").resolve(s.algorithm().cliName() + "-seed" + s.seed()), s.greedy());
        }
        SolvedPrograms.write(out.resolve("programs").resolve("best-fixed"), r.bestFixedOutcome());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workflow", file.toString());
        json.put("handoffs", budget);
        json.put("seeds", seedList);
        json.put("tasks", r.bestFixed().tasks());
        json.put("icqTabular", summary(icq));
        json.put("oracle", summary(r.of(Algorithm.ORACLE)));
        if (neuralHandoffs > 0) {
            json.put("neuralHandoffs", neuralHandoffs);
            json.put("icqNeural", summary(r.of(Algorithm.ICQ_NEURAL)));
        }
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("pipeline", r.bestFixed().describe());
        best.put("solved", r.bestFixed().solved());
        best.put("accuracy", r.bestFixed().solved() / (double) r.bestFixed().tasks());
        best.put("meanCost", r.bestFixed().meanCost());
        best.put("meanReturn", r.bestFixed().meanReturn());
        json.put("bestFixed", best);
        json.put("fixedPipelines", r.fixed().size());
        json.put("out", out.toString());
        json.put("wallSeconds", (System.nanoTime() - t0) / 1e9);
        System.out.println(Json.line(json));
        return 0;
    }

    private long fixedCount(Workflow w) {
        long c = 1;
        for (var a : w.agents()) {
            c *= (long) a.options().size() * w.successors(a.id()).size();
        }
        return c;
    }

    private static Map<String, Object> summary(List<CpuExperiment.SeedResult> seeds) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> solved = new ArrayList<>();
        double acc = 0;
        double cost = 0;
        double ret = 0;
        for (CpuExperiment.SeedResult s : seeds) {
            solved.add(s.greedy().solved());
            acc += s.greedy().accuracy();
            cost += s.greedy().meanCost();
            ret += s.greedy().meanReturn();
        }
        m.put("solvedPerSeed", solved);
        m.put("meanAccuracy", acc / seeds.size());
        m.put("meanCost", cost / seeds.size());
        m.put("meanReturn", ret / seeds.size());
        return m;
    }

    private static void writeCsv(Path file, CpuExperiment.Report r) throws IOException {
        StringBuilder sb = new StringBuilder("policy,kind,seed,solved,tasks,accuracy,mean_cost,mean_return,pipeline\n");
        for (CpuExperiment.SeedResult s : r.learned()) {
            CpuPolicyEvaluation.Result g = s.greedy();
            sb.append(row(s.algorithm().cliName() + " seed " + s.seed(), s.algorithm().cliName(), String.valueOf(s.seed()),
                g.solved(), g.tasks().size(), g.meanCost(), g.meanReturn(), firstTrace(g)));
        }
        for (Algorithm a : List.of(Algorithm.ICQ_TABULAR, Algorithm.ORACLE, Algorithm.ICQ_NEURAL)) {
            List<CpuExperiment.SeedResult> seeds = r.of(a);
            if (seeds.isEmpty()) {
                continue;
            }
            double solved = seeds.stream().mapToInt(s -> s.greedy().solved()).average().orElse(0);
            double cost = seeds.stream().mapToDouble(s -> s.greedy().meanCost()).average().orElse(0);
            double ret = seeds.stream().mapToDouble(s -> s.greedy().meanReturn()).average().orElse(0);
            int tasks = seeds.get(0).greedy().tasks().size();
            sb.append(String.format(Locale.ROOT, "%s mean,%s,mean,%.4f,%d,%.6f,%.6f,%.6f,\"mean over %d seeds\"%n", a.cliName(),
                a.cliName(), solved, tasks, solved / tasks, cost, ret, seeds.size()));
        }
        int rank = 1;
        for (FixedPipelines.Score s : r.fixed()) {
            sb.append(row("fixed #" + rank++, "fixed", "", s.solved(), s.tasks(), s.meanCost(), s.meanReturn(), s.describe()));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String firstTrace(CpuPolicyEvaluation.Result g) {
        return "greedy; e.g. " + g.tasks().get(0).taskId() + ": " + g.tasks().get(0).trace();
    }

    private static String row(String policy, String kind, String seed, int solved, int tasks, double cost, double ret,
                              String pipeline) {
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.6f,%.6f,%.6f,\"%s\"%n", policy, kind, seed, solved, tasks,
            solved / (double) tasks, cost, ret, pipeline.replace("\"", "'"));
    }

    private static void writePlot(Path file, CpuExperiment.Report r) throws IOException {
        XYSeries fixed = new XYSeries("fixed pipelines (" + r.fixed().size() + ")", false, true);
        for (FixedPipelines.Score s : r.fixed()) {
            fixed.add(s.meanCost(), s.solved() / (double) s.tasks());
        }
        XYSeries best = new XYSeries("best fixed pipeline", false, true);
        best.add(r.bestFixed().meanCost(), r.bestFixed().solved() / (double) r.bestFixed().tasks());
        XYSeries icq = new XYSeries("IC-Q tabular (greedy, per seed)", false, true);
        XYSeries oracle = new XYSeries("centralised oracle learner (per seed)", false, true);
        XYSeries neural = new XYSeries("IC-Q neural (greedy, per seed)", false, true);
        for (CpuExperiment.SeedResult s : r.learned()) {
            XYSeries series = switch (s.algorithm()) {
                case ORACLE -> oracle;
                case ICQ_NEURAL -> neural;
                default -> icq;
            };
            series.add(s.greedy().meanCost(), s.greedy().accuracy());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(fixed);
        data.addSeries(best);
        data.addSeries(icq);
        data.addSeries(oracle);
        if (neural.getItemCount() > 0) {
            data.addSeries(neural);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Color[] colors = {new Color(150, 150, 150, 140), Color.BLACK, new Color(31, 119, 180), new Color(214, 39, 40),
            new Color(44, 160, 44)};
        java.awt.Shape[] shapes = {new Ellipse2D.Double(-3, -3, 6, 6), new Rectangle2D.Double(-6, -6, 12, 12),
            new Ellipse2D.Double(-5, -5, 10, 10), new Rectangle2D.Double(-4, -4, 8, 8),
            new java.awt.Polygon(new int[] {0, 5, -5}, new int[] {-5, 4, 4}, 3)};
        for (int k = 0; k < data.getSeriesCount(); k++) {
            renderer.setSeriesPaint(k, colors[k]);
            renderer.setSeriesShape(k, shapes[k]);
        }
        renderer.setSeriesShapesFilled(1, false);
        renderer.setSeriesOutlineStroke(1, new BasicStroke(2f));
        renderer.setUseOutlinePaint(false);
        org.jfree.chart.axis.LogAxis x = new org.jfree.chart.axis.LogAxis("mean cost per task (log scale)");
        x.setNumberFormatOverride(new java.text.DecimalFormat("0.000"));
        x.setBase(10);
        x.setMinorTickMarksVisible(true);
        NumberAxis y = new NumberAxis("accuracy (share of tasks solved on held-out vectors)");
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart("cpu-programming, " + r.bestFixed().tasks() + " Hacker's Delight tasks, "
            + String.format(Locale.ROOT, "%,d", r.handoffs()) + " handoffs per seed", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }
}
