package dev.handoff.views.training.charts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One dashboard chart: a title line (with the chart's own controls and PNG / CSV export) and a detail line, each one
 * line long with the full text in a tooltip; below, the JFreeChart-FX viewer, or while there is nothing to plot a
 * message saying what will appear there (instead of empty axes). It shows whatever {@link ChartContent} it is given.
 */
public final class ChartPanel extends BorderPane {
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label title = new Label();
    private final Label detail = new Label();
    private final Label empty = new Label();
    private final HBox bar;
    private int layersShown;

    /** A chart of handoffs (x) against {@code yLabel}. */
    public ChartPanel(String id, String xLabel, String yLabel) {
        this(id, ChartAxes.curveChart(xLabel, yLabel));
    }

    public ChartPanel(String id, JFreeChart chart) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart);
        setId(id);
        viewer.setMinSize(120, 100);
        for (Label l : new Label[] {title, detail}) {
            l.setWrapText(false);
            l.setTextOverrun(OverrunStyle.ELLIPSIS);
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        title.getStyleClass().addAll("chart-caption", "chart-title");
        title.setStyle("-fx-font-weight: bold;");
        detail.getStyleClass().addAll("chart-caption", "text-small", "text-muted");
        HBox.setHgrow(title, Priority.ALWAYS);
        Button png = new Button("PNG");
        png.setTooltip(new Tooltip("Save this chart as a PNG image"));
        png.setOnAction(e -> choose("PNG image", "*.png").ifPresent(this::savePng));
        Button csv = new Button("CSV");
        csv.setTooltip(new Tooltip("Save the data this chart shows as CSV (run folders keep every window at full resolution)"));
        csv.setOnAction(e -> choose("CSV", "*.csv").ifPresent(f -> saveCsv(f.toPath())));
        for (Button b : new Button[] {png, csv}) {
            b.getStyleClass().addAll("small", "flat");
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar = new HBox(4, title, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(30); // the same height with or without a chooser, so the four charts line up
        VBox top = new VBox(0, bar, detail);
        top.setPadding(new Insets(0, 4, 2, 6));
        setTop(top);
        empty.setId(id + "-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        empty.getStyleClass().add("text-muted");
        empty.setStyle("-fx-text-alignment: center;");
        empty.setVisible(false);
        StackPane centre = new StackPane(viewer, empty);
        setCenter(centre);
        getStyleClass().add("chart-panel");
    }

    /** Puts a control (a chooser of what the chart shows) in the title line, before the export buttons. */
    public void addControl(javafx.scene.Node control) {
        bar.getChildren().add(1, control);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Shows {@code c}: its datasets (notifications suspended meanwhile), lines, captions, or its empty message. */
    public void show(ChartContent c, boolean dark) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        ChartAxes.scales(plot, c.logX(), c.logY());
        for (int i = 0; i < Math.max(layersShown, c.layers().size()); i++) {
            plot.setDataset(i, i < c.layers().size() ? c.layers().get(i).data() : null);
            plot.setRenderer(i, i < c.layers().size() ? c.layers().get(i).renderer() : null);
        }
        layersShown = c.layers().size();
        plot.clearRangeMarkers();
        Color text = ChartTheme.foreground(dark);
        for (ChartContent.Line l : c.lines()) {
            Color colour = l.colour() == null ? text : l.colour();
            ValueMarker m = new ValueMarker(l.value(), colour, LearnerStyle.dashed(l.colour() == null ? 1.2f : 1f, l.dash()));
            m.setLabel(l.label());
            m.setLabelPaint(colour);
            m.setLabelAnchor(l.labelBelow() ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(l.labelBelow() ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
        plot.getRangeAxis().setLabel(c.rangeLabel());
        ChartAxes.keepInRange(plot, c.keepInRange());
        chart.getLegend().setVisible(c.legend());
        setCaption(c.title(), c.detail());
        ChartTheme.apply(chart, dark);
        boolean hasData = c.hasData();
        viewer.setVisible(hasData);
        empty.setVisible(!hasData);
        empty.setText(c.emptyMessage());
        chart.setNotify(true);
    }

    /** The title line and, below it, the detail line; each shows its full text in a tooltip. */
    public void setCaption(String titleText, String detailText) {
        title.setText(titleText);
        detail.setText(detailText);
        Tooltip tip = new Tooltip(detailText.isEmpty() ? titleText : titleText + "\n" + detailText);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        title.setTooltip(tip);
        detail.setTooltip(tip);
    }

    /** Title and detail on one line. */
    public String caption() {
        return detail.getText().isEmpty() ? title.getText() : title.getText() + " · " + detail.getText();
    }

    /** The title label (tests check it is shown whole). */
    public Label titleLabel() {
        return title;
    }

    /** Whether the panel shows its empty-state message instead of a plot. */
    public boolean showsEmptyState() {
        return empty.isVisible();
    }

    public String emptyMessage() {
        return empty.getText();
    }

    private Optional<File> choose(String what, String pattern) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        c.setInitialFileName(getId() + pattern.substring(1));
        return Optional.ofNullable(c.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }

    public void savePng(File f) {
        ChartExport.writePng(chart, f, Math.max(400, (int) getWidth()), Math.max(300, (int) getHeight()));
    }

    /** Writes the plotted data as CSV (see {@link ChartExport#csv}). */
    public void saveCsv(Path file) {
        ChartExport.writeCsv(chart, file);
    }

    public String csv() {
        return ChartExport.csv(chart);
    }
}
