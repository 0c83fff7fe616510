package dev.handoff.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.metrics.MetricsCsv;
import dev.handoff.metrics.SeedStatistics;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one algorithm over several seeds to completion, off any UI: the engine behind {@code handoff train} and the
 * sweeps. With an output folder it writes {@code manifest.json}, {@code metrics.csv} and {@code summary.json}.
 */
public final class HeadlessTraining {
    /** Episodes simulated per seed to estimate a greedy return where no exact model exists. */
    public static final long SIMULATED_EPISODES = 20_000;

    private HeadlessTraining() {
    }

    /** What to run. */
    public record Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                          int parallelism) {
    }

    /** The trained seeds and their summary. */
    public record Result(TrainingSummary summary, List<SeedTrainer> trainers) {
    }

    public static Result run(Request request, Path outDir, Consumer<String> progress) throws IOException, InterruptedException {
        Workflow w = request.workflow();
        List<SeedTrainer> trainers = new ArrayList<>();
        for (long seed : request.seeds()) {
            trainers.add(new SeedTrainer(w, request.kind(), request.algorithm(), seed, request.handoffs()));
        }
        TrainingRun run = new TrainingRun(trainers, request.parallelism());
        MetricsCsv csv = null;
        RunManifest manifest = null;
        if (outDir != null) {
            Files.createDirectories(outDir);
            manifest = RunManifest.started(w, request);
            manifest.writeTo(outDir);
            csv = new MetricsCsv(outDir.resolve("metrics.csv"), w.agents().stream().map(a -> a.id()).toList(),
                    w.handoffs().stream().map(HeadlessTraining::edgeName).toList());
            MetricsCsv sink = csv;
            run.addListener(new TrainingListener() {
                @Override
                public void onWindow(TrainingWindow window) {
                    sink.append(window);
                }
            });
        }
        if (progress != null) {
            run.addListener(new ProgressReporter(run, progress));
        }
        long t0 = System.nanoTime();
        RunState end;
        try {
            run.start();
            end = run.await();
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long total = run.handoffsDone();
        FiniteSmdp model = GreedyReturn.modelOf(w, request.kind());
        List<Double> returns = new ArrayList<>();
        for (SeedTrainer t : trainers) {
            returns.add(GreedyReturn.of(w, request.kind(), t, model, SIMULATED_EPISODES));
        }
        SeedStatistics stats = SeedStatistics.of(returns.stream().mapToDouble(Double::doubleValue).toArray());
        Double oracle = GreedyReturn.oracleReturn(model);
        String status = end == RunState.FINISHED ? "finished" : end.name().toLowerCase() + ": " + run.message();
        TrainingSummary summary = new TrainingSummary(request.algorithm().cliName(), request.seeds(), request.handoffs(),
                stats.mean(), stats.ci95(), returns, GreedyReturn.evaluationKind(model), oracle,
                oracle == null ? null : oracle - stats.mean(), wall, total / Math.max(wall, 1e-9), status,
                outDir == null ? null : outDir.toString());
        if (manifest != null) {
            manifest.finished(summary).writeTo(outDir);
            json().writeValue(outDir.resolve("summary.json").toFile(), summary);
        }
        return new Result(summary, trainers);
    }

    static String edgeName(HandoffSpec h) {
        return h.from() + "->" + h.to();
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reports progress on stderr-like sinks about once a second. */
    private static final class ProgressReporter implements TrainingListener {
        private final TrainingRun run;
        private final Consumer<String> sink;
        private long lastNanos = System.nanoTime();

        ProgressReporter(TrainingRun run, Consumer<String> sink) {
            this.run = run;
            this.sink = sink;
        }

        @Override
        public synchronized void onWindow(TrainingWindow window) {
            long now = System.nanoTime();
            if (now - lastNanos < 1_000_000_000L) {
                return;
            }
            lastNanos = now;
            long done = run.handoffsDone();
            long budget = run.handoffsBudget();
            double secs = run.activeSeconds();
            double rate = done / Math.max(secs, 1e-9);
            sink.accept(String.format(java.util.Locale.ROOT, "%5.1f%%  %,d / %,d handoffs  %.2fM handoffs/s  ETA %.0fs  (%s seed %d: return %.3f)",
                    100.0 * done / budget, done, budget, rate / 1e6, (budget - done) / Math.max(rate, 1), window.algorithm(),
                    window.seed(), window.meanEpisodeReturn()));
        }

        @Override
        public void onStateChanged(RunState state, String message) {
            if (state != RunState.RUNNING) {
                sink.accept(message);
            }
        }
    }
}
