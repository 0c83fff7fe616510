package dev.handoff.views.training.extension;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/** Shows a {@link MeasuredPanel}: its header, its comparison table, its per-agent bars. Only binds. */
final class MeasuredPanelView extends VBox {
    MeasuredPanelView(MeasuredPanel panel) {
        super(8);
        Label header = new Label(panel.header());
        header.setWrapText(true);
        header.setId("panel-header");
        getChildren().addAll(header, table(panel.table()), bars(panel.bars()));
        setPrefSize(1180, 700);
    }

    private static TableView<List<String>> table(MeasuredPanel.Table model) {
        TableView<List<String>> table = new TableView<>(FXCollections.observableArrayList(model.rows()));
        for (int c = 0; c < model.columns().size(); c++) {
            int column = c;
            TableColumn<List<String>, String> col = new TableColumn<>(model.columns().get(c));
            col.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            col.setSortable(false);
            col.setStyle(c == 0 ? "" : "-fx-alignment: CENTER-RIGHT;");
            col.setPrefWidth(c == 0 ? 400 : 170); // the policy names are long ("best fixed cascade …")
            table.getColumns().add(col);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("panel-table");
        table.setFixedCellSize(26);
        table.setPrefHeight(34 + 26 * (model.rows().size() + 0.5));
        table.setMinHeight(table.getPrefHeight());
        return table;
    }

    private static BarChart<String, Number> bars(MeasuredPanel.Bars model) {
        CategoryAxis x = new CategoryAxis(FXCollections.observableArrayList(model.categories()));
        NumberAxis y = new NumberAxis();
        y.setLabel(model.valueLabel());
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setTitle(model.title());
        chart.setAnimated(false);
        chart.setBarGap(0);
        chart.setCategoryGap(model.categories().size() > 12 ? 2 : 12);
        for (int s = 0; s < model.series().size(); s++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(model.series().get(s));
            for (int c = 0; c < model.categories().size(); c++) {
                series.getData().add(new XYChart.Data<>(model.categories().get(c), model.values()[s][c]));
            }
            chart.getData().add(series);
        }
        chart.setId("panel-bars");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
