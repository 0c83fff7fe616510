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
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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

    public JFreeChart chart() {
        return chart;
    }

    public void setCaption(String text) {
        caption.setText(text);
        caption.setTooltip(new Tooltip(text));
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
        try {
            ChartUtils.saveChartAsPNG(f, chart, Math.max(400, (int) getWidth()), Math.max(300, (int) getHeight()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every series of every dataset as rows {@code series,x,y} (with the band's low and high where there is one). */
    public void saveCsv(Path file) {
        try {
            Files.writeString(file, csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csv() {
        StringBuilder sb = new StringBuilder("series,x,y,low,high\n");
        if (chart.getPlot() instanceof XYPlot p) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYDataset ds = p.getDataset(d);
                if (ds == null) {
                    continue;
                }
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    String key = String.valueOf(ds.getSeriesKey(s)).replace(',', ';');
                    for (int i = 0; i < ds.getItemCount(s); i++) {
                        sb.append(key).append(',').append(num(ds.getXValue(s, i))).append(',').append(num(ds.getYValue(s, i)));
                        if (ds instanceof org.jfree.data.xy.YIntervalSeriesCollection iv) {
                            sb.append(',').append(num(iv.getStartYValue(s, i))).append(',').append(num(iv.getEndYValue(s, i)));
                        } else {
                            sb.append(",,");
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
