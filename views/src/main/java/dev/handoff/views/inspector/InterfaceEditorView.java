package dev.handoff.views.inspector;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The interface observation editor: the artifact's features with their types, a tick for each one the agent may see,
 * bins for real features, and the live number of distinct views |Z_i| the agent can tell apart.
 */
final class InterfaceEditorView extends VBox {
    private final InterfaceEditorViewModel vm;
    private final GridPane grid = new GridPane();
    private final CheckBox privateState = new CheckBox();

    InterfaceEditorView(InterfaceEditorViewModel vm) {
        super(8);
        this.vm = vm;
        setId("interface-editor");
        getStyleClass().add("interface-editor");
        Label title = new Label("Interface observation φ — what this agent sees");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label explain = new Label("The agent decides from this view alone; everything else about the artifact and the "
                + "other agents reaches it only through the one scalar passed at each handoff.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints());
        privateState.setId("sees-private-state");
        privateState.textProperty().bind(vm.privateStateLabelProperty());
        privateState.selectedProperty().addListener((o, was, now) -> {
            if (now != vm.seesPrivateStateProperty().get()) {
                vm.setSeesPrivateState(now);
            }
        });
        vm.seesPrivateStateProperty().addListener((o, was, now) -> privateState.setSelected(now));
        privateState.setSelected(vm.seesPrivateStateProperty().get());
        privateState.disableProperty().bind(vm.hasPrivateStateProperty().not());
        Label count = new Label();
        count.setId("view-count");
        count.getStyleClass().add("view-count");
        count.setWrapText(true);
        count.setMaxWidth(Double.MAX_VALUE);
        count.textProperty().bind(vm.viewCountTextProperty());
        vm.viewCountProperty().addListener((o, a, n) -> count.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("problem"), n.longValue() < 0));
        getChildren().addAll(title, count, explain, grid, privateState);
        setPadding(new Insets(10, 12, 12, 12));
        vm.rows().addListener((ListChangeListener<FeatureRow>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        Label h0 = header("Feature");
        Label h1 = header("Type");
        Label h2 = header("Bins");
        Label h3 = header("Values");
        grid.addRow(0, h0, h1, h2, h3);
        int r = 1;
        for (FeatureRow row : vm.rows()) {
            CheckBox sees = new CheckBox(row.feature());
            sees.setId("sees-" + row.feature());
            sees.setSelected(row.visible());
            sees.setOnAction(e -> vm.setVisible(row.feature(), sees.isSelected()));
            if (!row.description().isEmpty()) {
                sees.setTooltip(new Tooltip(row.description()));
            }
            Label type = new Label(row.type() + "  " + row.range());
            type.getStyleClass().add("muted");
            javafx.scene.Node bins;
            if (row.real() && row.visible()) {
                Spinner<Integer> spinner = new Spinner<>(1, 64, row.bins() == null ? InterfaceEditorViewModel.DEFAULT_BINS : row.bins());
                spinner.setId("bins-" + row.feature());
                spinner.setPrefWidth(80);
                spinner.setEditable(true);
                spinner.valueProperty().addListener((o, a, n) -> {
                    if (n != null) {
                        vm.setBins(row.feature(), n);
                    }
                });
                bins = spinner;
            } else {
                Label none = new Label(row.real() ? "—" : "exact");
                none.getStyleClass().add("muted");
                bins = none;
            }
            Label values = new Label(row.visible() ? (row.values() > 0 ? "× " + row.values() : "needs bins") : "");
            values.getStyleClass().add("muted");
            GridPane.setHalignment(values, javafx.geometry.HPos.RIGHT);
            grid.addRow(r++, sees, type, bins, values);
        }
        grid.setAlignment(Pos.TOP_LEFT);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }
}
