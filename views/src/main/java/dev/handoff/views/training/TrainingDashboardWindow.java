package dev.handoff.views.training;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.live.RunFolders;
import dev.handoff.views.task.FxTaskExecutor;
import dev.handoff.workflow.Workflow;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The training dashboard in a window of its own, over a snapshot of the workflow taken when Train was pressed (edits
 * in the editor do not change a run in progress). Closing the window stops its run; the run folder stays.
 */
public final class TrainingDashboardWindow {
    private final Stage stage = new Stage();
    private final TrainingDashboardView view;

    public TrainingDashboardWindow(Window owner, Workflow workflow, ObservableBooleanValue dark) {
        EnvironmentKind kind = WorkflowLoading.kindOf(workflow);
        FxTaskExecutor tasks = new FxTaskExecutor(1);
        TrainingDashboardViewModel vm = new TrainingDashboardViewModel(workflow, kind, RunFolders.defaultRoot(workflow.name()),
                tasks);
        view = new TrainingDashboardView(vm);
        view.setDark(dark.get());
        dark.addListener((o, a, d) -> view.setDark(d));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Training · " + workflow.name());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight())));
        stage.setOnHidden(e -> {
            vm.run().stop();
            view.dispose();
            tasks.shutdown();
        });
    }

    public Stage stage() {
        return stage;
    }

    public TrainingDashboardView view() {
        return view;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
