package dev.handoff.views.training;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.train.Algorithm;
import dev.handoff.train.live.LiveTraining;
import dev.handoff.views.task.DirectTaskExecutor;
import dev.handoff.views.task.TaskExecutor;
import dev.handoff.views.training.curves.CurvesViewModel;
import dev.handoff.views.training.extension.DashboardExtensions;
import dev.handoff.views.training.focus.AgentFocusViewModel;
import dev.handoff.views.training.policies.PoliciesViewModel;
import dev.handoff.views.training.run.RunControlViewModel;
import dev.handoff.views.training.runs.RunsViewModel;
import dev.handoff.workflow.Workflow;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.nio.file.Path;

/**
 * The live training dashboard without a screen, composed of parts with one job each: {@link #run()} (settings,
 * Train / Pause / Step / Stop / Reset, status), {@link #curves()} (curves and bands), {@link #focus()} (the selected
 * agent's policy table and Q-values), {@link #activity()} (what the graph shows), {@link #policies()} (export, evaluate,
 * the kind's reports) and {@link #runs()} (saved runs, overlays, resume). {@link #drain()} copies what the trainer
 * threads left in the {@link LiveTraining} rings into the parts; the view calls it from an animation timer 10–20 times
 * a second, tests call it directly.
 */
public final class TrainingDashboardViewModel {
    private final TrainedWorkflow trained;
    private final RunControlViewModel run;
    private final CurvesViewModel curves;
    private final LiveActivity activity;
    private final AgentFocusViewModel focus;
    private final PoliciesViewModel policies;
    private final RunsViewModel runs;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(0);

    /** A dashboard whose background work runs on the caller's thread (tests). */
    public TrainingDashboardViewModel(Workflow workflow, EnvironmentKind kind, Path runsRoot) {
        this(workflow, kind, runsRoot, new DirectTaskExecutor());
    }

    public TrainingDashboardViewModel(Workflow workflow, EnvironmentKind kind, Path runsRoot, TaskExecutor tasks) {
        this.trained = new TrainedWorkflow(workflow, kind, runsRoot);
        this.run = new RunControlViewModel(trained);
        this.curves = new CurvesViewModel(trained, run);
        this.focus = new AgentFocusViewModel(trained);
        this.activity = new LiveActivity(trained, focus::selectedAgent);
        this.policies = new PoliciesViewModel(trained, run, focus, tasks, DashboardExtensions.forKind(kind.id()));
        this.runs = new RunsViewModel(trained, run);
        run.liveProperty().addListener((o, before, now) -> {
            curves.clear();
            activity.clear();
            focus.clear();
            if (now == null) {
                runs.refresh(); // Reset: the run's folders are on disk now
            }
            changed();
        });
        run.stateProperty().addListener((o, before, now) -> {
            if (now.isTerminal()) {
                runs.refresh();
            }
        });
        runs.overlaid().addListener((javafx.collections.ListChangeListener<RunsViewModel.Overlay>) c -> changed());
    }

    public TrainedWorkflow trained() {
        return trained;
    }

    public Workflow workflow() {
        return trained.workflow();
    }

    public RunControlViewModel run() {
        return run;
    }

    public CurvesViewModel curves() {
        return curves;
    }

    public LiveActivity activity() {
        return activity;
    }

    public AgentFocusViewModel focus() {
        return focus;
    }

    public PoliciesViewModel policies() {
        return policies;
    }

    public RunsViewModel runs() {
        return runs;
    }

    /** Increases whenever drained data changed: the charts redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * Copies everything the trainer threads wrote since the last call into the parts and refreshes the status; returns
     * whether anything changed. Called on the FX thread by the animation timer.
     */
    public boolean drain() {
        LiveTraining live = run.live();
        if (live == null) {
            return false;
        }
        Algorithm primary = run.primary();
        int n = live.windows().drainTo(w -> {
            curves.acceptWindow(w, primary);
            activity.acceptWindow(w, primary);
        });
        n += live.greedyReturns().drainTo(curves::acceptGreedy);
        n += live.activity().drainTo(activity::acceptSample);
        n += live.components().drainTo(curves::acceptComponents);
        if (focus.acceptSnapshot(live.latestQ(primary), activity.busiestAgent())) {
            n++;
        }
        boolean stateChanged = run.refreshStatus();
        if (n > 0 || stateChanged) {
            changed();
            return true;
        }
        return false;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
