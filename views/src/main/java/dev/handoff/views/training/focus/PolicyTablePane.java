package dev.handoff.views.training.focus;

import dev.handoff.views.training.Figures;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.charts.LearnerStyle;
import dev.handoff.views.training.run.RunControlViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The selected agent's greedy policy: per interface view the best action, its Q-value and its visits. Clicking a row
 * plots that view's Q-values; the context menu acts on the seed the table shows.
 */
public final class PolicyTablePane extends VBox {
    private final AgentFocusViewModel focus;
    private final TrainedWorkflow trained;
    private final RunControlViewModel run;
    private final TableView<PolicyRow> table = new TableView<>();
    private final Label title = new Label();
    private boolean refreshing;
    private long scrolledTo = -1;

    public PolicyTablePane(AgentFocusViewModel focus, TrainedWorkflow trained, RunControlViewModel run, ContextMenu menu) {
        super(4);
        this.focus = focus;
        this.trained = trained;
        this.run = run;
        table.getColumns().setAll(List.of(column("View", 170, PolicyRow::view), column("Best action", 100, PolicyRow::bestAction),
                column("Q", 60, r -> String.format(Locale.ROOT, "%.3f", r.value())),
                column("Visits", 60, r -> Figures.count(r.visits()))));
        table.setPlaceholder(new Label("Train, then click an agent on the graph"));
        table.setId("dash-policy");
        table.setContextMenu(menu);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!refreshing && row != null && row.key() != focus.selectedView()) {
                focus.selectView(row.key());
            }
        });
        title.getStyleClass().add("text-small");
        title.setPadding(new Insets(2, 4, 0, 4));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
    }

    public TableView<PolicyRow> table() {
        return table;
    }

    /** Shows the selected agent's latest greedy policy, keeping the selected view's row selected. */
    public void refresh() {
        int agent = focus.selectedAgent();
        List<PolicyRow> rows = focus.policyTable(agent);
        refreshing = true;
        table.getItems().setAll(rows);
        int view = focus.selectedView();
        if (view < rows.size()) {
            table.getSelectionModel().select(view);
            long shown = (long) agent << 32 | view;
            if (shown != scrolledTo) { // a new agent or view: bring its row into sight (once, so the user can scroll)
                scrolledTo = shown;
                table.scrollTo(Math.max(0, view - 1));
            }
        }
        refreshing = false;
        title.setText(trained.agentName(agent) + " (" + trained.agentId(agent) + ") · " + LearnerStyle.label(run.primary())
                + ", seed " + Math.max(1, focus.shownSeed()) + " · click a row to plot its Q-values");
    }

    private static TableColumn<PolicyRow, String> column(String name, double width, Function<PolicyRow, String> text) {
        TableColumn<PolicyRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(r -> new SimpleStringProperty(text.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
