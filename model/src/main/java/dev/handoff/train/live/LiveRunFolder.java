package dev.handoff.train.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.handoff.components.ComponentReading;
import dev.handoff.metrics.ComponentsCsv;
import dev.handoff.metrics.MetricsCsv;
import dev.handoff.train.Algorithm;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.NeuralSeedTrainer;
import dev.handoff.train.RunCheckpoints;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunManifest;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedTrainer;
import dev.handoff.train.TrainingSummary;
import dev.handoff.train.TrainingWindow;
import dev.handoff.workflow.AppVersion;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One algorithm's run folder written by a live run, in the CLI's format ({@code manifest.json}, {@code workflow.json},
 * {@code metrics.csv}, {@code components.csv} for kinds with an exact model, {@code checkpoints/},
 * {@code summary.json}), so {@code handoff train --resume} and the Runs
 * panel read it like any other.
 */
public final class LiveRunFolder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final MetricsCsv metrics;
    private final Algorithm algorithm;
    private final Workflow workflow;
    private ComponentsCsv components;
    private RunManifest manifest;

    public LiveRunFolder(Path dir, Workflow w, Algorithm algorithm, List<Long> seeds, long handoffs) {
        this(dir, w, algorithm, seeds, handoffs, null);
    }

    /**
     * A fresh run folder; an {@code icq-neural} one also records its network settings in
     * {@link RunFolder#NEURAL_SETTINGS} (null: the workflow's {@code training.neural}), as {@code handoff train} does, so it
     * can be resumed.
     */
    public LiveRunFolder(Path dir, Workflow w, Algorithm algorithm, List<Long> seeds, long handoffs, NeuralSettings neural) {
        this(dir, w, algorithm, seeds, handoffs, neural, null);
    }

    /**
     * {@code keepUpTo} non-null: reopens a run folder for a resumed run, keeping the {@code metrics.csv} rows up to each
     * seed's checkpoint (as {@link MetricsCsv}'s resume constructor does) and appending after them.
     */
    public LiveRunFolder(Path dir, Workflow w, Algorithm algorithm, List<Long> seeds, long handoffs, NeuralSettings neural,
                         java.util.function.ToLongBiFunction<String, Long> keepUpTo) {
        this.dir = dir;
        this.workflow = w;
        this.algorithm = algorithm;
        try {
            Files.createDirectories(dir);
            Map<String, String> versions = new TreeMap<>();
            versions.put("app", AppVersion.current());
            versions.put("java", System.getProperty("java.version"));
            versions.put("formatVersion", String.valueOf(Workflow.FORMAT_VERSION));
            manifest = new RunManifest("running", w.name(), WorkflowHash.of(w), algorithm.cliName(), List.copyOf(seeds),
                    handoffs, w.training(), versions, Instant.now().toString(), null, null, w);
            writeManifest();
            WorkflowJson.write(w, dir.resolve("workflow.json"));
            if (algorithm == Algorithm.ICQ_NEURAL) {
                JSON.writeValue(dir.resolve(RunFolder.NEURAL_SETTINGS).toFile(), neural == null ? NeuralSettings.of(w.training()) : neural);
            }
            if (keepUpTo == null) {
                Files.deleteIfExists(dir.resolve(RunCurves.GREEDY_FILE));
            } else {
                trimGreedyPoints(keepUpTo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics = new MetricsCsv(dir.resolve("metrics.csv"), w.agents().stream().map(a -> a.id()).toList(),
                w.handoffs().stream().map(h -> h.from() + "->" + h.to()).toList(), keepUpTo);
    }

    public Path dir() {
        return dir;
    }

    /** Appends one window at full resolution; any thread. */
    public void append(TrainingWindow w) {
        metrics.append(w);
    }

    /** Appends one error-component reading to {@code components.csv} (created on the first); any thread. */
    public synchronized void append(ComponentReading reading) {
        if (components == null) {
            components = new ComponentsCsv(dir.resolve("components.csv"));
        }
        components.append(algorithm, reading);
    }

    /** Closes the CSVs, writes the summary and the final manifest (checkpoints: {@link #saveTrainers}). */
    public void finish(List<? extends SeedRun> trainers, TrainingSummary summary) throws IOException {
        close();
        manifest = new RunManifest(summary.status().startsWith("finished") ? "finished" : summary.status(),
                manifest.workflowName(), manifest.workflowHash(), manifest.algorithm(), manifest.seeds(), manifest.handoffs(),
                manifest.training(), manifest.versions(), manifest.startedAt(), Instant.now().toString(), summary, null);
        writeManifest();
        JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
    }

    /**
     * At the end of a run, before any greedy evaluation touches the learners (as {@code handoff train} orders it):
     * each seed's checkpoint and, for neural seeds, the trained networks.
     */
    public void saveTrainers(List<? extends SeedRun> trainers) {
        checkpoint(trainers);
        for (SeedRun run : trainers) {
            if (run instanceof NeuralSeedTrainer n) {
                try {
                    n.writeNetworks(HeadlessTraining.networksDir(dir, n.algorithm(), n.seed()), workflow);
                } catch (IOException | RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(LiveRunFolder.class).warn("no networks for {}: {}", dir, e.getMessage());
                }
            }
        }
    }

    /**
     * Writes each seed's checkpoint (tabular or neural), in the CLI's format. Call only where no trainer thread is
     * inside {@code runUntil} of these trainers (their own after-chunk hook, a quiescent pause, or the end).
     */
    public void checkpoint(List<? extends SeedRun> trainers) {
        for (SeedRun run : trainers) {
            try {
                if (run instanceof SeedTrainer t) {
                    RunCheckpoints.write(dir, t);
                } else if (run instanceof NeuralSeedTrainer n) {
                    RunCheckpoints.write(dir, n);
                }
            } catch (RuntimeException e) {
                // kinds that cannot checkpoint still leave manifest, metrics and summary
                org.slf4j.LoggerFactory.getLogger(LiveRunFolder.class).warn("no checkpoint for {}: {}", dir, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        metrics.close();
        if (components != null) {
            components.close();
            components = null;
        }
    }

    /**
     * Appends one greedy-return point to {@value RunCurves#GREEDY_FILE} (created with its header on the first), so the
     * Runs panel can overlay this run's whole curve later; any thread. A resumed run first drops the points past each
     * seed's checkpoint, as {@code metrics.csv} does.
     */
    public synchronized void append(GreedyPoint p) {
        Path file = dir.resolve(RunCurves.GREEDY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, RunCurves.GREEDY_HEADER + "\n", java.nio.charset.StandardCharsets.UTF_8);
            }
            Files.writeString(file, p.algorithm().cliName() + "," + p.seed() + "," + p.handoffs() + "," + p.greedyReturn() + "\n",
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(LiveRunFolder.class).warn("cannot append to {}: {}", file, e.getMessage());
        }
    }

    /** Keeps only the greedy points up to each seed's checkpoint (a resumed run appends after them). */
    private void trimGreedyPoints(java.util.function.ToLongBiFunction<String, Long> keepUpTo) throws IOException {
        Path file = dir.resolve(RunCurves.GREEDY_FILE);
        if (keepUpTo == null || !Files.exists(file)) {
            return;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String[] c = line.split(",", -1);
            if (kept.isEmpty() || (c.length == 4 && Long.parseLong(c[2]) <= keepUpTo.applyAsLong(c[0], Long.parseLong(c[1])))) {
                kept.add(line);
            }
        }
        Files.write(file, kept, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void writeManifest() throws IOException {
        Path tmp = dir.resolve("manifest.json.tmp");
        JSON.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
