package dev.handoff.views.training.extension;

import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A kind's report on a seed, read-only: its items on the left marked ✓ or ✗, the selected item's text on the right. */
final class SeedReportView extends VBox {
    SeedReportView(SeedReport report) {
        super(8);
        ListView<SeedReport.Item> items = new ListView<>(FXCollections.observableArrayList(report.items()));
        items.setPrefWidth(175);
        items.setMinWidth(175);
        items.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SeedReport.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + (item.ok() ? "  ✓ " + report.okWord() : "  ✗ " + report.failWord()));
            }
        });
        TextArea text = new TextArea();
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        items.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            text.setText(b == null ? "" : b.text());
            items.scrollTo(b);
        });
        items.getSelectionModel().selectFirst();
        Label header = new Label(report.header());
        header.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox body = new HBox(8, items, text);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
    }
}
