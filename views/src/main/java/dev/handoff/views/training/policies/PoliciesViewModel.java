package dev.handoff.views.training.policies;

import dev.handoff.metrics.IntervalText;
import dev.handoff.policy.BundleEvaluation;
import dev.handoff.policy.BundleException;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.Algorithm;
import dev.handoff.train.RunCheckpoints;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunState;
import dev.handoff.train.SeedRun;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.train.live.RunFolders;
import dev.handoff.views.task.BackgroundTask;
import dev.handoff.views.task.TaskExecutor;
import dev.handoff.views.training.Figures;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.extension.DashboardExtension;
import dev.handoff.views.training.extension.SeedPanelAction;
import dev.handoff.views.training.focus.AgentFocusViewModel;
import dev.handoff.views.training.run.RunControlViewModel;
import dev.handoff.workflow.WorkflowLoadException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Policies of the dashboard's runs: which trained seeds can be exported now (of the current run, or of saved runs),
 * exporting one as a bundle, evaluating a bundle greedily on this workflow, and the reports the environment kind offers
 * on a seed ({@link DashboardExtension}). Slow work goes through the {@link TaskExecutor}.
 */
public final class PoliciesViewModel {
    /** Episodes of a greedy bundle evaluation from the app (the CLI's default is larger; exact J is shown where known). */
    public static final long EVALUATION_EPISODES = 10_000;

    private final TrainedWorkflow trained;
    private final RunControlViewModel run;
    private final AgentFocusViewModel focus;
    private final TaskExecutor tasks;
    private final DashboardExtension extension;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public PoliciesViewModel(TrainedWorkflow trained, RunControlViewModel run, AgentFocusViewModel focus, TaskExecutor tasks,
                             DashboardExtension extension) {
        this.trained = trained;
        this.run = run;
        this.focus = focus;
        this.tasks = tasks;
        this.extension = extension;
    }

    /** True while background work of this panel runs (a bundle evaluated, a report made). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ---- which seeds

    /**
     * The seeds of the current run that can be exported now: the run must be paused, diverged or ended (so no trainer
     * writes its tables meanwhile) and the learner decentralised. Empty otherwise.
     */
    public List<ExportChoice> exportChoices() {
        List<ExportChoice> out = new ArrayList<>();
        LiveTraining live = run.live();
        RunState s = run.stateProperty().get();
        if (live == null || !(s == RunState.PAUSED || s == RunState.DIVERGED || s.isTerminal())) {
            return out;
        }
        for (SeedRun t : live.trainers()) {
            if (t.algorithm() != Algorithm.ORACLE) {
                out.add(new ExportChoice(t.algorithm(), t.seed()));
            }
        }
        return out;
    }

    /** The exportable seeds of a saved run of the Runs panel: decentralised runs with checkpoints (or networks). */
    public List<ExportChoice> exportChoices(RunFolders.Entry past) {
        List<ExportChoice> out = new ArrayList<>();
        Algorithm a;
        try {
            a = Algorithm.parse(past.algorithm());
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (a == Algorithm.ORACLE) {
            return out;
        }
        try {
            for (long seed : RunFolder.open(past.dir()).seeds()) {
                Path trainedFile = a == Algorithm.ICQ_NEURAL ? RunFolder.networksDir(past.dir(), a, seed)
                        : RunCheckpoints.fileOf(past.dir(), a, seed);
                if (Files.exists(trainedFile)) {
                    out.add(new ExportChoice(a, seed, past.dir()));
                }
            }
        } catch (IOException | WorkflowLoadException | RuntimeException e) {
            return List.of(); // an unreadable folder offers nothing
        }
        return out;
    }

    /** The current run's exportable seeds followed by those of the given saved runs. */
    public List<ExportChoice> exportChoices(List<RunFolders.Entry> saved) {
        List<ExportChoice> out = new ArrayList<>(exportChoices());
        for (RunFolders.Entry past : saved) {
            out.addAll(exportChoices(past));
        }
        return out;
    }

    /** Why nothing can be exported right now (empty when {@link #exportChoices()} is not empty). */
    public String exportUnavailableReason() {
        if (run.live() == null) {
            return "Train first: policies are exported from a paused or finished run.";
        }
        if (!exportChoices().isEmpty()) {
            return "";
        }
        if (run.stateProperty().get() == RunState.RUNNING) {
            return "Pause or stop the run first, so its tables do not change while they are written.";
        }
        return "The oracle learns on the joint state, which no deployed agent sees: train IC-Q or independent to export.";
    }

    /**
     * The seed whose greedy policy the policy table shows (the first seed of the shown learner), when it can be
     * exported now (see {@link #exportChoices()}); empty otherwise.
     */
    public Optional<ExportChoice> shownPolicyChoice() {
        if (focus.shownAlgorithm() == null) {
            return Optional.empty();
        }
        ExportChoice c = new ExportChoice(focus.shownAlgorithm(), focus.shownSeed());
        return exportChoices().contains(c) ? Optional.of(c) : Optional.empty();
    }

    // ---- export

    /** The folder the bundle of {@code choice} is written to inside {@code parent}: workflow, learner and seed. */
    public String bundleFolderName(ExportChoice choice) {
        return trained.fileSafeName() + "-" + choice.algorithm().cliName() + "-seed" + choice.seed() + "-policies";
    }

    /**
     * Where the export dialog starts: the run's own folder (the saved run's, or the current run's folder of that
     * learner), else the runs folder of this workflow, else the user's home.
     */
    public Path defaultExportFolder(ExportChoice choice) {
        if (choice.runDir() != null) {
            return choice.runDir();
        }
        Path folder = run.live() == null ? null : run.live().runFolders().get(choice.algorithm());
        if (folder != null) {
            return folder;
        }
        return trained.runsRoot() != null ? trained.runsRoot() : Path.of(System.getProperty("user.home"));
    }

    /**
     * The export dialog's model: the seeds to choose from (the first chosen), and for the chosen one a folder path the
     * user can type or browse to, starting at the run's own folder.
     */
    public ExportDialogViewModel exportDialog(List<ExportChoice> choices) {
        return new ExportDialogViewModel(this, choices);
    }

    /**
     * Writes the policies of {@code choice} as a bundle in {@code outDir} ({@code PolicyBundle.export}), with CSV twins
     * of the agent files when {@code csv}; the run id is the learner's run folder name, if any. Says so in the banner.
     */
    public Path exportPolicies(ExportChoice choice, Path outDir, boolean csv) throws IOException {
        if (choice.runDir() != null) {
            Path written = fromFolder(choice.runDir(), choice.seed(), outDir, csv);
            run.announce("Exported " + choice + " to " + written);
            return written;
        }
        SeedRun trainer = liveTrainer(choice);
        LiveTraining live = run.live();
        Path folder = live.runFolders().get(choice.algorithm());
        String runId = folder == null ? "live-" + trained.workflow().name() + "-" + choice.algorithm().cliName()
                : folder.getFileName().toString();
        Path written;
        if (releasedNetworks(choice) && folder != null) {
            written = fromFolder(folder, choice.seed(), outDir, csv); // written to its folder before they were released
        } else {
            try {
                written = PolicyBundle.export(trained.workflow(), trainer, runId, outDir, csv);
            } catch (BundleException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        run.announce("Exported " + choice + " (" + Figures.count(trainer.handoffs()) + " handoffs) to " + written);
        return written;
    }

    private static Path fromFolder(Path runDir, long seed, Path outDir, boolean csv) throws IOException {
        try {
            return PolicyBundle.export(RunFolder.open(runDir), seed, outDir, csv);
        } catch (BundleException | WorkflowLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- evaluate a bundle

    /**
     * Loads the bundle in {@code dir} onto this workflow and runs it greedily for {@code episodes} episodes
     * ({@code BundleEvaluation}); no training code path. Slow for many episodes: see {@link #evaluateBundleInBackground}.
     */
    public BundleReport evaluateBundle(Path dir, long episodes, long seed) {
        PolicyBundle bundle;
        try {
            bundle = PolicyBundle.load(dir);
        } catch (BundleException e) {
            return new BundleReport(dir, null, e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems(),
                    "Cannot load " + dir.getFileName() + ": " + e.getMessage());
        }
        List<String> diffs = bundle.differencesFrom(trained.workflow(), trained.shape());
        if (!diffs.isEmpty()) {
            return new BundleReport(dir, null, diffs, "The bundle does not fit " + trained.workflow().name() + " ("
                    + diffs.size() + (diffs.size() == 1 ? " difference)" : " differences)"));
        }
        try {
            BundleEvaluation.Result r = BundleEvaluation.evaluate(bundle, trained.workflow(), trained.kind(), episodes, seed);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s seed %d (%s handoffs): greedy return %s over %s "
                            + "episodes (95%% CI)", r.algorithm(), r.bundleSeed(), Figures.count(bundle.manifest().handoffs()),
                    IntervalText.meanCi(r.meanReturn(), r.ci95(), (int) Math.min(Integer.MAX_VALUE, r.episodes()), 4),
                    Figures.count(r.episodes())));
            if (r.exactReturn() != null) {
                text.append(String.format(Locale.ROOT, " · exact J = %.4f", r.exactReturn()));
            }
            if (r.oracleReturn() != null) {
                text.append(String.format(Locale.ROOT, " · J* = %.4f", r.oracleReturn()));
            }
            return new BundleReport(dir, r, List.of(), text.toString());
        } catch (BundleException e) {
            return new BundleReport(dir, null, e.problems(), e.getMessage());
        }
    }

    /** {@link #evaluateBundle} of {@link #EVALUATION_EPISODES} episodes off the FX thread; {@code done} gets the report. */
    public void evaluateBundleInBackground(Path dir, Consumer<BundleReport> done) {
        background("evaluate " + dir.getFileName(), () -> evaluateBundle(dir, EVALUATION_EPISODES, 1), done,
                e -> done.accept(new BundleReport(dir, null, List.of(String.valueOf(e.getMessage())),
                        "Cannot evaluate " + dir.getFileName() + ": " + e.getMessage())));
    }

    // ---- the environment kind's panels on a seed

    /** The panels this workflow's kind offers on a trained seed (cpu-programming: its programs). */
    public List<SeedPanelAction<?>> seedPanels() {
        return extension.seedPanels();
    }

    /**
     * {@code action}'s view-model for {@code choice} (a seed of the current run, see {@link #exportChoices()}); a neural
     * seed whose run has ended is restored from its last checkpoint. Throws with the reason when it cannot.
     */
    public <M> M seedPanel(SeedPanelAction<M> action, ExportChoice choice) {
        return withTrainedSeed(choice, seed -> action.measure(trained, seed));
    }

    /** {@link #seedPanel} off the FX thread. */
    public <M> void seedPanelInBackground(SeedPanelAction<M> action, ExportChoice choice, Consumer<M> done,
                                          Consumer<Exception> failed) {
        background(action.id() + " of " + choice, () -> seedPanel(action, choice), done, failed);
    }

    // ---- internals

    private <T> void background(String title, java.util.concurrent.Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        busy.set(true);
        tasks.execute(new BackgroundTask<>(title, work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            failed.accept(e);
        }));
    }

    /** The live trainer of {@code choice}, when it can be read now; throws with the reason otherwise. */
    private SeedRun liveTrainer(ExportChoice choice) {
        if (run.live() != null && exportChoices().contains(choice)) {
            for (SeedRun t : run.live().trainers()) {
                if (t.algorithm() == choice.algorithm() && t.seed() == choice.seed()) {
                    return t;
                }
            }
        }
        String why = exportUnavailableReason();
        throw new IllegalStateException(why.isEmpty() ? "no such seed in this run: " + choice : why);
    }

    /** Whether {@code choice} is a neural seed of a run that has ended and released its networks. */
    private boolean releasedNetworks(ExportChoice choice) {
        return choice.algorithm() == Algorithm.ICQ_NEURAL && run.live().isClosed();
    }

    /** Applies {@code use} to the trained seed of {@code choice}: the live trainer, or (neural, ended) a restored one. */
    private <T> T withTrainedSeed(ExportChoice choice, Function<SeedRun, T> use) {
        SeedRun trainer = liveTrainer(choice);
        Path folder = run.live().runFolders().get(choice.algorithm());
        if (!releasedNetworks(choice) || folder == null) {
            return use.apply(trainer);
        }
        try (SeedRun restored = RunFolder.open(folder).restore(choice.seed(), trainer.budget())) {
            return use.apply(restored);
        } catch (IOException | WorkflowLoadException e) {
            throw new IllegalStateException("cannot restore " + choice + " from " + folder + ": " + e.getMessage(), e);
        }
    }
}
