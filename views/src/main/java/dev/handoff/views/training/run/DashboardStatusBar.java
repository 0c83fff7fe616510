package dev.handoff.views.training.run;

import dev.handoff.train.RunState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The dashboard's foot: a banner for the run's notable events (finished with J per learner, diverged and where,
 * failed), coloured by the run's state, over the status line (state, handoffs done of the budget, speed, elapsed, ETA)
 * and a progress bar.
 */
public final class DashboardStatusBar extends VBox {
    private final Label notification = new Label();

    public DashboardStatusBar(RunControlViewModel run) {
        notification.setId("dash-notification");
        notification.textProperty().bind(run.notificationProperty());
        notification.setWrapText(true);
        notification.visibleProperty().bind(run.notificationProperty().isNotEmpty());
        notification.managedProperty().bind(notification.visibleProperty());
        notification.setPadding(new Insets(4, 10, 4, 10));
        notification.setMaxWidth(Double.MAX_VALUE);
        run.stateProperty().addListener((o, a, s) -> style(s));
        Label status = new Label();
        status.setId("dash-status");
        status.textProperty().bind(run.statusTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(run.progressProperty());
        bar.setPrefWidth(180);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(12, status, grow, bar);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 10, 4, 10));
        line.getStyleClass().add("status-bar");
        getChildren().addAll(notification, line);
    }

    private void style(RunState s) {
        notification.setStyle(switch (s) {
            case FINISHED -> "-fx-background-color: -color-success-subtle; -fx-text-fill: -color-success-fg;";
            case DIVERGED -> "-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;";
            case FAILED -> "-fx-background-color: -color-danger-subtle; -fx-text-fill: -color-danger-fg;";
            default -> "-fx-background-color: -color-neutral-subtle;";
        });
    }
}
