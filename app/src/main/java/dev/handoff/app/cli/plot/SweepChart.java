package dev.handoff.app.cli.plot;

import dev.handoff.metrics.SeedStatistics;
import dev.handoff.sweep.SweepDesign;
import dev.handoff.sweep.SweepMetric;
import dev.handoff.sweep.SweepResult;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep plot, rendered headless: one panel per plotted metric against the swept axis, one line per policy with its
 * mean over seeds and a shaded Student-t 95% band. An axis is logarithmic when every value it shows is positive and
 * they span more than a decade, linear otherwise.
 */
public final class SweepChart {
    /** Series colours that stay apart in print and for common colour-vision deficiencies (Okabe–Ito). */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(136, 136, 136)};
    public static final int WIDTH = 1000;
    static final int PANEL_HEIGHT = 320;
    static final int CHROME_HEIGHT = 190;

    private SweepChart() {
    }

    /** Whether values should go on a log axis: all positive and spanning more than one decade. */
    public static boolean logScale(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int n = 0;
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            if (!(v > 0)) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            n++;
        }
        return n >= 2 && max / min > 10;
    }

    /** The metrics the plot shows (all of them when the design marks none). */
    static List<SweepMetric> plotted(SweepDesign design) {
        List<SweepMetric> m = design.metrics().stream().filter(SweepMetric::plotted).toList();
        return m.isEmpty() ? design.metrics() : m;
    }

    public static JFreeChart build(SweepResult result, String title, String subtitle) {
        SweepDesign design = result.design();
        double[] x = result.values();
        List<Double> xs = new ArrayList<>();
        for (double v : x) {
            xs.add(v);
        }
        ValueAxis domain = logScale(xs) ? logAxis(logLabel(design.axisLabel())) : linearAxis(design.axisLabel());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(domain);
        combined.setGap(14);
        LegendItemCollection legend = new LegendItemCollection();
        for (SweepMetric metric : plotted(design)) {
            int m = design.metricIndex(metric.id());
            List<Double> shown = new ArrayList<>();
            for (int p = 0; p < design.policies().size(); p++) {
                for (int v = 0; v < x.length; v++) {
                    double mean = result.statistics(p, m, v).mean();
                    if (Double.isFinite(mean)) {
                        shown.add(mean);
                    }
                }
            }
            boolean logY = logScale(shown);
            // a log axis cannot show a band reaching zero or below: there the band is cut (the mean stays)
            double floor = logY ? minPositive(shown) / 2 : Double.NEGATIVE_INFINITY;
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            for (int p = 0; p < design.policies().size(); p++) {
                YIntervalSeries s = new YIntervalSeries(design.policies().get(p));
                for (int v = 0; v < x.length; v++) {
                    SeedStatistics st = result.statistics(p, m, v);
                    if (Double.isFinite(st.mean())) {
                        s.add(x[v], st.mean(), Math.max(floor, st.mean() - st.ci95()), st.mean() + st.ci95());
                    }
                }
                data.addSeries(s);
            }
            ValueAxis range = logY ? logAxis(logLabel(metric.label())) : linearAxis(metric.label());
            XYPlot plot = new XYPlot(data, null, range, renderer(design.policies().size()));
            style(plot);
            combined.add(plot, 1);
            if (legend.getItemCount() == 0) {
                for (int p = 0; p < design.policies().size(); p++) {
                    LegendItem item = new LegendItem(design.policies().get(p), PALETTE[p % PALETTE.length]);
                    item.setShape(new Ellipse2D.Double(-5, -5, 10, 10));
                    item.setLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
                    item.setLineVisible(true);
                    item.setLineStroke(new BasicStroke(2.5f));
                    item.setLinePaint(PALETTE[p % PALETTE.length]);
                    legend.add(item);
                }
            }
        }
        combined.setFixedLegendItems(legend);
        return titled(combined, title, subtitle);
    }

    /** The house style of every headless plot: bold title, grey subtitle, legend at the bottom, white background. */
    static JFreeChart titled(org.jfree.chart.plot.Plot plot, String title, String subtitle) {
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(1, sub);
        }
        LegendTitle lt = chart.getLegend();
        lt.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        lt.setPosition(RectangleEdge.BOTTOM);
        lt.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    /** Writes the plot as a PNG, {@link #WIDTH} wide and tall enough for one readable panel per plotted metric. */
    public static Path writePng(SweepResult result, String title, String subtitle, Path file) throws IOException {
        java.nio.file.Files.write(file, png(result, title, subtitle));
        return file;
    }

    /** The PNG's bytes (the same image {@link #writePng} writes). */
    public static byte[] png(SweepResult result, String title, String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = build(result, title, subtitle);
        int panels = plotted(result.design()).size();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, CHROME_HEIGHT + PANEL_HEIGHT * panels);
        return bytes.toByteArray();
    }

    /** "x (unit)" becomes "x (unit, log scale)"; a label without a unit gets " (log scale)". */
    static String logLabel(String label) {
        return label.endsWith(")") ? label.substring(0, label.length() - 1) + ", log scale)" : label + " (log scale)";
    }

    private static double minPositive(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (v > 0) {
                min = Math.min(min, v);
            }
        }
        return min;
    }

    private static DeviationRenderer renderer(int policies) {
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        for (int p = 0; p < policies; p++) {
            Color c = PALETTE[p % PALETTE.length];
            r.setSeriesPaint(p, c);
            r.setSeriesFillPaint(p, c);
            r.setSeriesStroke(p, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(p, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        return r;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.GRAY);
    }

    private static NumberAxis linearAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        font(a);
        return a;
    }

    private static ValueAxis logAxis(String label) {
        RoundLogAxis a = new RoundLogAxis(label);
        font(a);
        return a;
    }

    private static void font(ValueAxis a) {
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }
}
