package dev.handoff.views.evaluate;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Evaluate mode in a window of its own, over a snapshot of the workflow taken when it was opened (edits in the editor
 * do not change it). Closing the window stops playback.
 */
public final class EvaluationWindow {
    private final Stage stage = new Stage();
    private final EvaluationView view;

    public EvaluationWindow(Window owner, Workflow workflow, ObservableBooleanValue dark) {
        EnvironmentKind kind = WorkflowLoading.kindOf(workflow);
        EvaluationViewModel vm = new EvaluationViewModel(workflow, kind, new FxPlaybackTicker());
        view = new EvaluationView(vm);
        view.setDark(dark.get());
        dark.addListener((o, a, d) -> view.setDark(d));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Evaluate · " + workflow.name());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1300, screen.getWidth()), Math.min(820, screen.getHeight())));
        stage.setOnHidden(e -> vm.pause());
    }

    public Stage stage() {
        return stage;
    }

    public EvaluationView view() {
        return view;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
