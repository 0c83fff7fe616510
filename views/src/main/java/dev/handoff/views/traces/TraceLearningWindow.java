package dev.handoff.views.traces;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import dev.handoff.views.task.FxTaskExecutor;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;


/**
 * Learn from traces in a window of its own, over a snapshot of the workflow taken when it was opened: traces are read
 * on one {@link FxTaskExecutor} thread and learned from in the training dashboard ({@code dashboard} opens it on this
 * workflow, learning from them).
 */
public final class TraceLearningWindow {
    private final Stage stage = new Stage();
    private final TraceLearningView view;
    private final FxTaskExecutor tasks = new FxTaskExecutor(1);

    public TraceLearningWindow(Window owner, Workflow workflow, ObservableBooleanValue dark,
                               java.util.function.BiConsumer<Workflow, dev.handoff.offline.OfflineTraces> dashboard) {
        EnvironmentKind kind = WorkflowLoading.kindOf(workflow);
        TraceLearningViewModel vm = new TraceLearningViewModel(workflow, kind, tasks, t -> dashboard.accept(workflow, t));
        view = new TraceLearningView(vm);
        view.setDark(dark.get());
        dark.addListener((o, a, d) -> view.setDark(d));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Learn from traces · " + workflow.name());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1300, screen.getWidth()), Math.min(820, screen.getHeight())));
        stage.setOnHidden(e -> tasks.shutdown());
    }

    public Stage stage() {
        return stage;
    }

    public TraceLearningView view() {
        return view;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
