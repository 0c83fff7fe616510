package dev.handoff.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.metrics.MetricsCsv;
import dev.handoff.metrics.SeedStatistics;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one algorithm over several seeds to completion, off any UI: the engine behind {@code handoff train} and the
 * sweeps. With an output folder it writes {@code manifest.json}, {@code workflow.json}, {@code metrics.csv},
 * {@code summary.json} and per-seed checkpoints (periodically and at the end), from which a run can be resumed.
 */
public final class HeadlessTraining {
    /** Episodes simulated per seed to estimate a greedy return where no exact model exists. */
    public static final long SIMULATED_EPISODES = 20_000;

    private HeadlessTraining() {
    }

    /** What to run; {@code checkpointEvery} ≤ 0 means only at the end. */
    public record Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                          int parallelism, long checkpointEvery) {
        public Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs, int parallelism) {
            this(workflow, kind, algorithm, seeds, handoffs, parallelism, 0);
        }
    }

    /** The trained seeds and their summary. */
    public record Result(TrainingSummary summary, List<SeedTrainer> trainers) {
    }

    /** A fresh run. */
    public static Result run(Request request, Path outDir, Consumer<String> progress) throws IOException, InterruptedException {
        List<SeedTrainer> trainers = new ArrayList<>();
        for (long seed : request.seeds()) {
            trainers.add(new SeedTrainer(request.workflow(), request.kind(), request.algorithm(), seed, request.handoffs()));
        }
        return execute(request, trainers, outDir, false, progress);
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints to {@code budget} handoffs per seed (null: the run's own
     * budget). The result equals an uninterrupted run bit for bit.
     */
    public static Result resume(Path runDir, Long budget, int parallelism, long checkpointEvery, Consumer<String> progress)
            throws IOException, InterruptedException, WorkflowLoadException {
        Path manifestFile = runDir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(runDir.resolve("workflow.json"))) {
            throw new CheckpointException(runDir + " is not a run folder (no manifest.json and workflow.json)");
        }
        JsonNode manifest = json().readTree(manifestFile.toFile());
        Workflow w = WorkflowJson.read(runDir.resolve("workflow.json"));
        if (!WorkflowHash.of(w).equals(manifest.path("workflowHash").asText())) {
            throw new CheckpointException("workflow.json in " + runDir + " does not match the manifest's workflow hash");
        }
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        Algorithm algorithm = Algorithm.parse(manifest.path("algorithm").asText());
        List<Long> seeds = new ArrayList<>();
        manifest.path("seeds").forEach(s -> seeds.add(s.asLong()));
        long total = budget != null ? budget : manifest.path("handoffs").asLong();
        List<SeedTrainer> trainers = new ArrayList<>();
        for (long seed : seeds) {
            SeedTrainer t = new SeedTrainer(w, kind, algorithm, seed, total);
            RunCheckpoints.restore(runDir, t);
            trainers.add(t);
        }
        return execute(new Request(w, kind, algorithm, seeds, total, parallelism, checkpointEvery), trainers, runDir, true, progress);
    }

    private static Result execute(Request request, List<SeedTrainer> trainers, Path outDir, boolean resumed,
                                  Consumer<String> progress) throws IOException, InterruptedException {
        Workflow w = request.workflow();
        TrainingRun run = new TrainingRun(trainers, request.parallelism());
        MetricsCsv csv = null;
        RunManifest manifest = null;
        if (outDir != null) {
            Files.createDirectories(outDir);
            manifest = RunManifest.started(w, request);
            manifest.writeTo(outDir);
            Map<String, Long> restoredAt = new HashMap<>();
            trainers.forEach(t -> restoredAt.put(t.algorithm().cliName() + "/" + t.seed(), t.handoffs()));
            csv = new MetricsCsv(outDir.resolve("metrics.csv"), w.agents().stream().map(a -> a.id()).toList(),
                    w.handoffs().stream().map(HeadlessTraining::edgeName).toList(),
                    resumed ? (algo, seed) -> restoredAt.getOrDefault(algo + "/" + seed, -1L) : null);
            MetricsCsv sink = csv;
            run.addListener(new TrainingListener() {
                @Override
                public void onWindow(TrainingWindow window) {
                    sink.append(window);
                }
            });
            run.setAfterChunk(periodicCheckpoints(outDir, trainers, request.checkpointEvery()));
        }
        if (progress != null) {
            run.addListener(new ProgressReporter(run, progress));
        }
        long t0 = System.nanoTime();
        long before = run.handoffsDone();
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
        long total = run.handoffsDone() - before;
        if (outDir != null) {
            trainers.forEach(t -> RunCheckpoints.write(outDir, t));
        }
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

    /** Checkpoints a trainer each time it passes a multiple of {@code every} handoffs. */
    private static Consumer<SeedTrainer> periodicCheckpoints(Path dir, List<SeedTrainer> trainers, long every) {
        if (every <= 0) {
            return t -> { };
        }
        Map<SeedTrainer, Long> next = new java.util.concurrent.ConcurrentHashMap<>();
        trainers.forEach(t -> next.put(t, (t.handoffs() / every + 1) * every));
        return t -> {
            if (t.handoffs() >= next.get(t) && !t.finished()) {
                RunCheckpoints.write(dir, t);
                next.put(t, (t.handoffs() / every + 1) * every);
            }
        };
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
