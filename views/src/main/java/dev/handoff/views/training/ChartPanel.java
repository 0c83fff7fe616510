package dev.handoff.views.training;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.nio.file.Path;

/** One dashboard chart: a JFreeChart-FX viewer with a caption saying what it shows, and PNG / CSV export buttons. */
public final class ChartPanel extends BorderPane {
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label caption = new Label();

    public ChartPanel(String id, JFreeChart chart) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart);
        setId(id);
        viewer.setMinSize(120, 100);
        caption.getStyleClass().add("chart-caption");
        caption.setWrapText(true);
        caption.setMinWidth(0);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
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
        HBox bar = new HBox(4, caption, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 4, 0, 6));
        setTop(bar);
        setCenter(viewer);
        getStyleClass().add("chart-panel");
    }

    /** Puts a control (a chooser of what the chart shows) in the caption bar, before the export buttons. */
    public void addControl(javafx.scene.Node control) {
        HBox bar = (HBox) getTop();
        bar.getChildren().add(1, control);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void setCaption(String text) {
        caption.setText(text);
        caption.setTooltip(new Tooltip(text));
    }

    /** A short caption, with {@code detail} in its tooltip. */
    public void setCaption(String text, String detail) {
        caption.setText(text);
        caption.setTooltip(new Tooltip(text + "\n" + detail));
    }

    public String caption() {
        return caption.getText();
    }

    private java.util.Optional<File> choose(String what, String pattern) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        c.setInitialFileName(getId() + pattern.substring(1));
        return java.util.Optional.ofNullable(c.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
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
