package dev.handoff.app.cli;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.cpu.SolvedPrograms;
import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedTrainer;
import dev.handoff.trace.SimulatedTraces;
import dev.handoff.train.TrainingSummary;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code handoff train FILE}: progress on stderr; with {@code --out DIR} a run folder; last stdout line one JSON
 * object (algo, seeds, handoffs, meanReturn, oracleReturn, wallSeconds, handoffsPerSecond, ...).
 */
@Command(name = "train", description = "Train a workflow headless and print a JSON summary as the last line.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a *.workflow.json file (not with --resume)")
    Path file;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from its checkpoints")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "also checkpoint every N handoffs per seed (always at the end)")
    long checkpointEvery;

    @Option(names = "--algo", paramLabel = "ALGO", description = "icq-tabular | icq-neural | oracle | independent (default: the workflow's)")
    String algo;

    @Option(names = "--seed", paramLabel = "N", description = "one seed")
    Long seed;

    @Option(names = "--seeds", paramLabel = "A..B", converter = SeedRange.class, description = "seeds, e.g. 1..3 or 1,4,9")
    List<Long> seeds;

    @Option(names = "--handoffs", paramLabel = "N", description = "handoffs per seed (default: the workflow's budget)")
    Long handoffs;

    @Option(names = "--out", paramLabel = "DIR", description = "write manifest.json, metrics.csv and summary.json here")
    Path out;

    @Option(names = "--threads", paramLabel = "K", description = "seeds trained in parallel (default: cores; 1 for icq-neural)")
    Integer threads;

    @Mixin
    NeuralOptions neuralOptions = new NeuralOptions();

    @Option(names = "--traces", paramLabel = "DIR",
            description = "write each agent's own trace (DIR/<agent>.jsonl; DIR/seed-<N>/ with several seeds), for handoff learn")
    Path traces;

    @Override
    public Integer call() throws Exception {
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (resume != null) {
            if (traces != null) {
                System.err.println("--traces: a resumed run would repeat handoff ids already written; record a fresh run");
                return HandoffCli.INVALID_INPUT;
            }
            if (file != null || algo != null || seed != null || seeds != null || neuralOptions.any()) {
                System.err.println("--resume: the run folder fixes the workflow, algorithm, seeds and network settings; pass "
                        + "only --handoffs");
                return HandoffCli.INVALID_INPUT;
            }
            HeadlessTraining.Result result;
            try {
                result = HeadlessTraining.resume(resume, handoffs, parallel, checkpointEvery, System.err::println);
            } catch (CheckpointException | WorkflowLoadException e) {
                System.err.println("handoff train --resume: " + e.getMessage());
                return HandoffCli.INVALID_INPUT;
            }
            System.out.println(Json.line(result.summary()));
            return result.summary().status().startsWith("finished") ? 0 : 1;
        }
        if (file == null) {
            System.err.println("handoff train: give a workflow FILE, or --resume RUN_DIR");
            return HandoffCli.INVALID_INPUT;
        }
        Workflow w;
        try {
            w = HandoffCli.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        Algorithm algorithm;
        try {
            algorithm = Algorithm.parse(algo != null ? algo : w.training().algorithm());
        } catch (IllegalArgumentException e) {
            System.err.println("--algo: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        List<Long> seedList = seed != null ? List.of(seed) : seeds != null ? seeds : w.training().seeds();
        long budget = handoffs != null ? handoffs : w.training().handoffs();
        if (budget <= 0) {
            System.err.println("--handoffs: must be positive");
            return HandoffCli.INVALID_INPUT;
        }
        List<String> neuralErrors = new ArrayList<>();
        NeuralSettings neural = neuralOptions.resolve(w, neuralErrors);
        if (neural == null) {
            neuralErrors.forEach(System.err::println);
            return HandoffCli.INVALID_INPUT;
        }
        if (algorithm == Algorithm.ICQ_NEURAL && threads == null) {
            parallel = 1; // one gradient collector per process: neural seeds share one training lock anyway
        }
        if (traces != null && (algorithm == Algorithm.ICQ_NEURAL || algorithm == Algorithm.ORACLE)) {
            System.err.println("--traces: record an icq-tabular or independent run (" + algorithm.cliName()
                    + (algorithm == Algorithm.ORACLE ? " learns on the joint state, which no agent sees)" : " is not recorded yet)"));
            return HandoffCli.INVALID_INPUT;
        }
        if (traces != null && java.nio.file.Files.isDirectory(traces)) {
            try (var entries = java.nio.file.Files.list(traces)) {
                if (entries.findAny().isPresent()) {
                    System.err.println("--traces: " + traces + " is not empty; write each run's traces to a new folder");
                    return HandoffCli.INVALID_INPUT;
                }
            }
        }
        RecordedTraces recorded = traces == null ? null : new RecordedTraces(traces, w, seedList.size() > 1);
        HeadlessTraining.Result result;
        try {
            result = HeadlessTraining.run(
                    new HeadlessTraining.Request(w, kind, algorithm, seedList, budget, parallel, checkpointEvery, neural), out,
                    System.err::println, recorded == null ? t -> { } : recorded::attach);
        } finally {
            if (recorded != null) {
                recorded.close();
            }
        }
        TrainingSummary s = result.summary();
        if (out != null) {
            SolvedPrograms.writeForRun(out); // cpu-programming: each seed's submitted program per task (no-op otherwise)
        }
        System.out.println(Json.line(s));
        return s.status().startsWith("finished") ? 0 : 1;
    }

    /** The trace writers of a run's seeds, one folder per seed when there are several. */
    private static final class RecordedTraces {
        private final Path dir;
        private final Workflow workflow;
        private final boolean perSeed;
        private final List<SimulatedTraces> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordedTraces(Path dir, Workflow workflow, boolean perSeed) {
            this.dir = dir;
            this.workflow = workflow;
            this.perSeed = perSeed;
        }

        void attach(SeedRun run) {
            SeedTrainer trainer = (SeedTrainer) run;
            Path folder = perSeed ? dir.resolve("seed-" + trainer.seed()) : dir;
            try {
                SimulatedTraces t = SimulatedTraces.open(folder, workflow, trainer.environment(), trainer.seed(), trainer.handoffs());
                open.add(t);
                trainer.recordHandoffs(t);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("--traces: " + e.getMessage(), e);
            }
        }

        void close() throws java.io.IOException {
            for (SimulatedTraces t : open) {
                t.close();
            }
        }
    }
}
