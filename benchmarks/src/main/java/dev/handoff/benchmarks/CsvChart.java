package dev.handoff.benchmarks;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plots benchmark CSVs for docs/BENCHMARKS.md as PNG line charts, headless: one line per y column, or per value of a
 * series column. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.CsvChart in.csv out.png "title" x-column
 * y-column[,y-column...] [series=column] [logx] [logy] [xlabel=...] [ylabel=...]}.
 */
public final class CsvChart {
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.BLACK};

    private CsvChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: in.csv out.png title x-column y-columns [series=col] [logx] [logy] [xlabel=..] [ylabel=..]");
        }
        List<String> lines = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int x = column(header, args[3]);
        String[] ys = args[4].split(",");
        Map<String, String> options = new LinkedHashMap<>();
        for (int k = 5; k < args.length; k++) {
            String[] kv = args[k].split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Integer seriesColumn = options.containsKey("series") ? column(header, options.get("series")) : null;
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (String y : ys) {
                String key = seriesColumn == null ? y : cells[seriesColumn] + (ys.length > 1 ? " " + y : "");
                String cell = cells[column(header, y)];
                if (!cell.isEmpty()) {
                    series.computeIfAbsent(key, k -> new XYSeries(k, false)).add(Double.parseDouble(cells[x]), Double.parseDouble(cell));
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(args[2], options.getOrDefault("xlabel", args[3]),
                options.getOrDefault("ylabel", args[4]), data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (options.containsKey("logx")) {
            plot.setDomainAxis(new LogAxis(options.getOrDefault("xlabel", args[3])));
        }
        if (options.containsKey("logy")) {
            plot.setRangeAxis(new LogAxis(options.getOrDefault("ylabel", args[4])));
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(Path.of(args[1]).toFile(), chart, 900, 500);
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return i;
    }
}
