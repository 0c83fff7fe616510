package dev.handoff.views.training.charts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Saving a dashboard chart: as a PNG image, or the data it plots as CSV rows {@code series,x,y,low,high}. */
public final class ChartExport {
    private ChartExport() {
    }

    public static void writePng(JFreeChart chart, File f, int width, int height) {
        try {
            ChartUtils.saveChartAsPNG(f, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeCsv(JFreeChart chart, Path file) {
        try {
            Files.writeString(file, csv(chart), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every series of every dataset; bands carry their low and high, plain lines leave them empty. */
    public static String csv(JFreeChart chart) {
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
                        if (ds instanceof YIntervalSeriesCollection iv) {
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
