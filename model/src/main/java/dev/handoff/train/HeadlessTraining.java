package dev.handoff.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ComponentReading;
import dev.handoff.components.ErrorComponents;
import dev.handoff.components.ViewEncodings;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.metrics.ComponentsCsv;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.metrics.MetricsCsv;
import dev.handoff.metrics.SeedStatistics;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
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

    /**
     * What to run; {@code checkpointEvery} ≤ 0 means only at the end; {@code neural} are the network settings of
     * {@code icq-neural} (null: the workflow's).
     */
    public record Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                          int parallelism, long checkpointEvery, NeuralSettings neural) {
        /** The network settings this run trains with: {@code neural}, or the workflow's {@code training.neural}. */
        public NeuralSettings neuralSettings() {
            return neural != null ? neural : NeuralSettings.of(workflow.training());
        }

        public Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs, int parallelism) {
            this(workflow, kind, algorithm, seeds, handoffs, parallelism, 0, null);
        }

        public Request(Workflow workflow, EnvironmentKind kind, Algorithm algorithm, List<Long> seeds, long handoffs,
                       int parallelism, long checkpointEvery) {
            this(workflow, kind, algorithm, seeds, handoffs, parallelism, checkpointEvery, null);
        }
    }

    /** The trained seeds and their summary. */
    public record Result(TrainingSummary summary, List<? extends SeedRun> trainers) {
    }

    /** Number of error-component readings per seed over a run (kinds with an exact model). */
    public static final int COMPONENT_READINGS = 40;

    /** Where a neural seed's trained networks are written at the end of training: {@code networks/<algo>-seed<N>/}. */
    public static Path networksDir(Path runDir, Algorithm algorithm, long seed) {
        return runDir.resolve("networks").resolve(algorithm.cliName() + "-seed" + seed);
    }

    /** A fresh run. */
    public static Result run(Request request, Path outDir, Consumer<String> progress) throws IOException, InterruptedException {
        return run(request, outDir, progress, t -> { });
    }

    /** A fresh run; {@code prepare} sees each seed's trainer before it starts (e.g. to record its handoffs). */
    public static Result run(Request request, Path outDir, Consumer<String> progress, Consumer<SeedRun> prepare)
            throws IOException, InterruptedException {
        List<SeedRun> trainers = new ArrayList<>();
        for (long seed : request.seeds()) {
            trainers.add(request.algorithm() == Algorithm.ICQ_NEURAL
                    ? new NeuralSeedTrainer(request.workflow(), request.kind(),
                            request.neuralSettings(), Algorithm.ICQ_NEURAL, seed,
                            request.handoffs())
                    : new SeedTrainer(request.workflow(), request.kind(), request.algorithm(), seed, request.handoffs()));
        }
        try {
            trainers.forEach(prepare);
            return execute(request, trainers, outDir, false, progress);
        } finally {
            for (SeedRun t : trainers) {
                if (t instanceof AutoCloseable c) {
                    closeQuietly(c);
                }
            }
        }
    }

    /**
     * Continues the run in {@code runDir} from its checkpoints to {@code budget} handoffs per seed (null: the run's own
     * budget). The result equals an uninterrupted run bit for bit.
     */
    public static Result resume(Path runDir, Long budget, int parallelism, long checkpointEvery, Consumer<String> progress)
            throws IOException, InterruptedException, WorkflowLoadException {
        RunFolder folder = RunFolder.open(runDir);
        long total = budget != null ? budget : folder.handoffs();
        if (folder.algorithm() == Algorithm.ICQ_NEURAL) {
            NeuralSettings settings = folder.neuralSettings();
            List<NeuralSeedTrainer> neural = new ArrayList<>();
            try {
                for (long seed : folder.seeds()) {
                    neural.add(folder.restoreNeural(seed, total));
                }
                return execute(new Request(folder.workflow(), folder.kind(), folder.algorithm(), folder.seeds(), total,
                        parallelism, checkpointEvery, settings), neural, runDir, true, progress);
            } finally {
                neural.forEach(HeadlessTraining::closeQuietly);
            }
        }
        List<SeedTrainer> trainers = new ArrayList<>();
        for (long seed : folder.seeds()) {
            trainers.add(folder.restore(seed, total));
        }
        return execute(new Request(folder.workflow(), folder.kind(), folder.algorithm(), folder.seeds(), total, parallelism,
                checkpointEvery), trainers, runDir, true, progress);
    }

    private static Result execute(Request request, List<? extends SeedRun> trainers, Path outDir, boolean resumed,
                                  Consumer<String> progress) throws IOException, InterruptedException {
        Workflow w = request.workflow();
        TrainingRun run = new TrainingRun(trainers, request.parallelism());
        FiniteSmdp model = GreedyReturn.modelOf(w, request.kind());
        ComponentsCsv componentsCsv = outDir != null && model != null && request.algorithm() != Algorithm.ORACLE
                ? new ComponentsCsv(Files.createDirectories(outDir).resolve("components.csv")) : null;
        Map<Long, ComponentReading> lastReading = new java.util.concurrent.ConcurrentHashMap<>();
        if (model != null && request.algorithm() != Algorithm.ORACLE) {
            attachProbes(w, model, request, trainers, run, reading -> {
                lastReading.put(reading.seed(), reading);
                if (componentsCsv != null) {
                    componentsCsv.append(request.algorithm(), reading);
                }
            });
        }
        MetricsCsv csv = null;
        RunManifest manifest = null;
        if (outDir != null) {
            Files.createDirectories(outDir);
            manifest = RunManifest.started(w, request);
            manifest.writeTo(outDir);
            if (request.algorithm() == Algorithm.ICQ_NEURAL) {
                json().writeValue(outDir.resolve(RunFolder.NEURAL_SETTINGS).toFile(), request.neuralSettings());
            }
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
            run.addListener(new ProgressReporter(run, progress, run.handoffsDone()));
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
            if (componentsCsv != null) {
                componentsCsv.close();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long total = run.handoffsDone() - before;
        if (outDir != null) {
            for (SeedRun t : trainers) {
                if (t instanceof SeedTrainer tabular) {
                    RunCheckpoints.write(outDir, tabular);
                } else if (t instanceof NeuralSeedTrainer neural) {
                    RunCheckpoints.write(outDir, neural);
                    neural.writeNetworks(networksDir(outDir, neural.algorithm(), neural.seed()), w);
                }
            }
        }
        List<Double> returns = new ArrayList<>();
        for (SeedRun t : trainers) {
            returns.add(GreedyReturn.of(w, request.kind(), t, model, SIMULATED_EPISODES));
        }
        SeedStatistics stats = SeedStatistics.of(returns.stream().mapToDouble(Double::doubleValue).toArray());
        Double oracle = GreedyReturn.oracleReturn(model);
        String status = end == RunState.FINISHED ? "finished" : end.name().toLowerCase() + ": " + run.message();
        TrainingSummary summary = new TrainingSummary(request.algorithm().cliName(), request.seeds(), request.handoffs(),
                stats.mean(), stats.ci95(), returns, GreedyReturn.evaluationKind(model), oracle,
                oracle == null ? null : oracle - stats.mean(), meanComponents(lastReading.values()), wall,
                total / Math.max(wall, 1e-9), status, outDir == null ? null : outDir.toString());
        if (manifest != null) {
            manifest.finished(summary).writeTo(outDir);
            json().writeValue(outDir.resolve("summary.json").toFile(), summary);
        }
        return new Result(summary, trainers);
    }

    /** Checkpoints a (tabular) trainer each time it passes a multiple of {@code every} handoffs. */
    private static Consumer<SeedRun> periodicCheckpoints(Path dir, List<? extends SeedRun> trainers, long every) {
        if (every <= 0) {
            return t -> { };
        }
        Map<SeedRun, Long> next = new java.util.concurrent.ConcurrentHashMap<>();
        trainers.forEach(t -> next.put(t, (t.handoffs() / every + 1) * every));
        return t -> {
            if (t.handoffs() >= next.get(t) && !t.finished()) {
                if (t instanceof SeedTrainer tabular) {
                    RunCheckpoints.write(dir, tabular);
                } else if (t instanceof NeuralSeedTrainer neural) {
                    RunCheckpoints.write(dir, neural);
                }
                next.put(t, (t.handoffs() / every + 1) * every);
            }
        };
    }

    /**
     * Reads the three error components of every seed at {@link #COMPONENT_READINGS} points of the run: against Q̂ for
     * tabular learners, against the neural projected fixed point of the same width for neural ones.
     */
    private static void attachProbes(Workflow w, FiniteSmdp model, Request request, List<? extends SeedRun> trainers,
                                     TrainingRun run, Consumer<ComponentReading> sink) {
        ComponentAnalysis analysis = ComponentAnalysis.of(w);
        long every = Math.max(1, request.handoffs() / COMPONENT_READINGS);
        Consumer<ComponentReading> publish = r -> {
            sink.accept(r);
            run.publishComponents(request.algorithm(), r);
        };
        for (SeedRun t : trainers) {
            if (t instanceof SeedTrainer tabular) {
                tabular.attachProbe(analysis.probe(ComponentAnalysis.TABULAR, t.seed()), model, every, publish);
            } else if (t instanceof NeuralSeedTrainer neural) {
                neural.attachProbe(analysis.probe(neural.settings().width(), t.seed()), ViewEncodings.of(w, model), model,
                        every, publish);
            }
        }
    }

    /** The mean over seeds of the last readings, by component name (null when none were taken). */
    private static Map<String, Object> meanComponents(java.util.Collection<ComponentReading> readings) {
        return ErrorComponents.meanByName(readings.stream().map(ComponentReading::components).toList());
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(HeadlessTraining.class).warn("closing a trainer failed", e);
        }
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

        /** Handoffs already done when this run (or its resumption) started: the rate counts only new ones. */
        private final long startedAt;

        ProgressReporter(TrainingRun run, Consumer<String> sink, long startedAt) {
            this.startedAt = startedAt;
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
            double rate = (done - startedAt) / Math.max(secs, 1e-9);
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
