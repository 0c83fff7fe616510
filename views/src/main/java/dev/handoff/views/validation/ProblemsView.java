package dev.handoff.views.validation;

import dev.handoff.views.graph.SelectionModel;
import dev.handoff.workflow.Problem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The problems list: one row per validation problem (message and JSON path); clicking a row selects its culprit. */
public final class ProblemsView extends ListView<Problem> {
    public ProblemsView(ValidationViewModel vm, SelectionModel selection) {
        super(vm.problems());
        setId("problems");
        getStyleClass().add("problems-list");
        setPrefWidth(0);
        setPlaceholder(new Label("No problems: this workflow is ready to train."));
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label message = new Label("⚠  " + p.message());
                message.setWrapText(true);
                message.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label path = new Label(p.path());
                path.getStyleClass().add("problem-path");
                setGraphic(new VBox(1, message, path));
                setText(null);
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, old, p) -> {
            if (p != null) {
                vm.selectCulprit(p, selection);
            }
        });
        setOnMouseClicked(e -> {
            Problem p = getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.selectCulprit(p, selection);
            }
        });
    }
}
