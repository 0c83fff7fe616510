package dev.handoff.views.training.runs;

import dev.handoff.metrics.IntervalText;
import dev.handoff.train.live.RunCurves;
import dev.handoff.train.live.RunFolders;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.run.RunControlViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Runs panel: the saved runs of this workflow (newest first), the ones overlaid on the return chart, and Resume of
 * one of them in the dashboard.
 */
public final class RunsViewModel {
    /**
     * A past run drawn over the return chart: its whole mean curve when its folder has one for what the chart shows
     * (greedy J for live runs of kinds with an exact model, else the training return per window), and its final J.
     */
    public record Overlay(RunFolders.Entry run, RunCurves.Curve curve) {
    }

    private final TrainedWorkflow trained;
    private final RunControlViewModel run;
    private final ObservableList<RunFolders.Entry> runs = FXCollections.observableArrayList();
    private final ObservableList<Overlay> overlaid = FXCollections.observableArrayList();

    public RunsViewModel(TrainedWorkflow trained, RunControlViewModel run) {
        this.trained = trained;
        this.run = run;
        refresh();
    }

    /** The saved runs of this workflow, newest first. */
    public ObservableList<RunFolders.Entry> runs() {
        return runs;
    }

    /** Past runs drawn over the return chart. */
    public ObservableList<Overlay> overlaid() {
        return overlaid;
    }

    /** Lists the saved runs of this workflow again. */
    public void refresh() {
        runs.setAll(RunFolders.list(trained.runsRoot(), trained.workflow().name()));
    }

    /** Overlays the given past runs on the return chart (replacing the previous overlay); runs with nothing to draw are skipped. */
    public void overlay(List<RunFolders.Entry> entries) {
        List<Overlay> out = new ArrayList<>();
        RunCurves.Measure measure = run.showsAnyGreedyReturn() ? RunCurves.Measure.GREEDY_RETURN : RunCurves.Measure.TRAINING_RETURN;
        for (RunFolders.Entry e : entries) {
            RunCurves.Curve curve;
            try {
                curve = RunCurves.read(e.dir(), measure);
            } catch (IOException ex) {
                curve = null; // a damaged curve file: the final J still shows
            }
            if (curve != null || e.meanReturn() != null) {
                out.add(new Overlay(e, curve));
            }
        }
        overlaid.setAll(out);
    }

    /**
     * Resume: continues {@code past} from its checkpoints to {@code budget} handoffs per seed (null: its own budget) in
     * the dashboard; the banner says why when it cannot. Returns whether it started.
     */
    public boolean resume(RunFolders.Entry past, Long budget) {
        return run.resume(past.dir(), budget);
    }

    /** Why the last Resume did not start (what the banner says). */
    public String resumeProblem() {
        return run.notificationProperty().get();
    }

    /** A typed budget for Resume ("12,000,000", "12_000_000"), or null when it is not a positive whole number. */
    public static Long parseBudget(String text) {
        try {
            long n = Long.parseLong(text.replace(",", "").replace("_", "").replace(" ", "").trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One line of the Runs list: when, learner, seeds, status and final J (with its interval from two seeds on). */
    public static String describe(RunFolders.Entry e) {
        String folder = e.dir().getFileName().toString();
        StringBuilder line = new StringBuilder(folder.substring(0, Math.min(15, folder.length())))
                .append("  ").append(e.algorithm()).append("  ").append(IntervalText.seeds(e.seeds())).append("  ").append(e.status());
        if (e.meanReturn() != null) {
            line.append("  J = ").append(IntervalText.meanCi(e.meanReturn(), e.meanReturnCi95() == null ? Double.NaN
                    : e.meanReturnCi95(), e.seeds(), 3));
        }
        return line.toString();
    }
}
