package dev.handoff.views.traces;

import dev.handoff.views.training.LiveGraphView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Learn from traces: a toolbar (Open traces…, Learn in dashboard), the workflow with each agent lit by how much of the
 * traces is its own and each edge labelled with the mean scalar it carried, and a side panel with every agent's record
 * counts and any problems line by line. Learning itself runs in the training dashboard. It only binds to its
 * {@link TraceLearningViewModel} and asks for a folder.
 */
public final class TraceLearningView extends BorderPane {
    private final TraceLearningViewModel vm;
    private final LiveGraphView graph;
    private Path lastFolder;

    public TraceLearningView(TraceLearningViewModel vm) {
        this.vm = vm;
        setId("trace-learning-view");
        graph = new LiveGraphView(vm);
        vm.revisionProperty().addListener(o -> graph.redraw());
        TitledPane graphPane = new TitledPane();
        graphPane.textProperty().bind(Bindings.concat("Workflow · ", vm.canvasTextProperty()));
        graphPane.setContent(graph);
        graphPane.setCollapsible(false);
        graphPane.setMinWidth(240);
        graphPane.setMaxHeight(Double.MAX_VALUE);
        setTop(toolbar());
        setCenter(graphPane);
        setRight(sidePanel());
    }

    public TraceLearningViewModel viewModel() {
        return vm;
    }

    public LiveGraphView graph() {
        return graph;
    }

    public void setDark(boolean dark) {
        graph.setDark(dark);
    }

    /** Asks for a folder of traces (one *.jsonl per agent) and opens it. */
    public void chooseTraces() {
        File dir = chooseFolder("Folder of agents' traces (one *.jsonl per agent)");
        if (dir != null) {
            lastFolder = dir.toPath();
            vm.open(dir.toPath());
        }
    }

    private File chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser.showDialog(getScene() == null ? null : getScene().getWindow());
    }

    private ToolBar toolbar() {
        Button open = button("Open traces…", "Open a folder of agents' own traces (docs/trace.md), checked against this workflow",
                this::chooseTraces);
        open.setId("traces-open");
        Button learn = button("Learn in dashboard", "Learn IC-Q from these traces alone in the training dashboard, a round "
                + "per window, with its curves, greedy return and export (the same as handoff learn)", vm::learn);
        learn.setId("traces-learn");
        learn.disableProperty().bind(vm.stateProperty().isNotEqualTo(TraceLearningViewModel.State.OPEN));
        Label folder = new Label();
        folder.setId("traces-folder");
        folder.textProperty().bind(vm.folderTextProperty());
        return new ToolBar(open, learn, folder);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox sidePanel() {
        TableView<TraceLearningViewModel.AgentRow> table = new TableView<>(vm.rows());
        table.setId("traces-agents");
        table.getColumns().add(column("agent", TraceLearningViewModel.AgentRow::agent));
        table.getColumns().add(column("file", TraceLearningViewModel.AgentRow::file));
        table.getColumns().add(column("handoffs", r -> String.format("%,d", r.handoffs())));
        table.getColumns().add(column("pending", r -> String.format("%,d", r.pending())));
        table.getColumns().add(column("orphans", r -> String.format("%,d", r.orphans())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(300);
        Label legend = new Label("handoffs: decisions joined with their outcome in the agent's own file · pending: "
                + "decisions without an outcome · orphans: outcomes without a decision");
        legend.setWrapText(true);
        legend.getStyleClass().add("text-muted");
        Label error = new Label();
        error.setWrapText(true);
        error.textProperty().bind(vm.errorTextProperty());
        error.getStyleClass().add("danger");
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("traces-problems");
        problems.setPrefHeight(90);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox side = new VBox(8, table, legend, error, problems);
        VBox.setVgrow(table, Priority.ALWAYS);
        side.setPadding(new Insets(8));
        side.setPrefWidth(460);
        side.setMinWidth(360);
        return side;
    }

    private static TableColumn<TraceLearningViewModel.AgentRow, String> column(String title,
                                                                             Function<TraceLearningViewModel.AgentRow, String> value) {
        TableColumn<TraceLearningViewModel.AgentRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }
}
