package dev.handoff.app.cli.plot;

import dev.handoff.sweep.SweepCsv;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost–accuracy picture of a {@code cost-weight} sweep of the llm-math kind (experiment 2 of ICQ.md §6): held-out
 * accuracy against dollars per question (log scale), each learner (and the best fixed cascade) as a curve traced as λ
 * varies with its points labelled by λ, each model alone and the perfect router as single points. Reads the
 * {@code sweep.csv} the sweep wrote and averages over seeds. Run it as
 * {@code java -cp "app/target/handoff-app.jar:app/target/lib/*" dev.handoff.app.cli.plot.CostAccuracyChart
 * sweep.csv out.png "title"}.
 */
public final class CostAccuracyChart {
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    private static final Color FIXED_POINT = new Color(90, 90, 90);
    /** One shape per model alone, in the order the sweep lists them (cheapest first). */
    private static final Shape[] MODEL_SHAPES = {square(5.5), ShapeUtils.createDiamond(7f), ShapeUtils.createUpTriangle(7f),
            ShapeUtils.createDownTriangle(7f), ShapeUtils.createRegularCross(6f, 2f)};
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 700;
    static final String ALONE = " alone";
    static final String PERFECT_ROUTER = "perfect router";

    private CostAccuracyChart() {
    }

    /** One policy at one λ: means over the seeds of the sweep. */
    public record Point(String policy, double lambda, double accuracy, double costPerQuestion, int seeds) {
    }

    /**
     * The points of a {@code cost-weight} sweep.csv ({@code cost-weight,seed,policy,accuracy,costPerQuestion,...}),
     * averaged over seeds, per policy in the file's order and by increasing λ; rows with NaN are left out.
     */
    public static Map<String, List<Point>> read(Path csv) throws IOException {
        Map<String, TreeMap<Double, double[]>> sums = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = SweepCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("cost-weight", "policy", "accuracy", "costPerQuestion"))) {
                throw new IOException(csv + " is not a cost-weight sweep (header " + header + ")");
            }
            for (CSVRecord r : parser) {
                double a = Double.parseDouble(r.get("accuracy"));
                double c = Double.parseDouble(r.get("costPerQuestion"));
                if (!Double.isFinite(a) || !Double.isFinite(c)) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(r.get("policy"), k -> new TreeMap<>())
                        .computeIfAbsent(Double.parseDouble(r.get("cost-weight")), k -> new double[3]);
                s[0] += a;
                s[1] += c;
                s[2]++;
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        Map<String, List<Point>> out = new LinkedHashMap<>();
        sums.forEach((p, byLambda) -> {
            List<Point> pts = new ArrayList<>();
            byLambda.forEach((l, s) -> pts.add(new Point(p, l, s[0] / s[2], s[1] / s[2], (int) s[2])));
            out.put(p, pts);
        });
        return out;
    }

    /** Whether a policy's figures do not depend on λ in this sweep (a model alone, the perfect router). */
    static boolean isFixedPoint(String policy) {
        return policy.endsWith(ALONE) || policy.equals(PERFECT_ROUTER);
    }

    public static JFreeChart build(Map<String, List<Point>> points, String title, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<String>> labels = new ArrayList<>();
        List<String> policies = new ArrayList<>(points.keySet());
        for (String p : policies) {
            XYSeries s = new XYSeries(p, false, true);
            List<String> l = new ArrayList<>();
            List<Point> pts = points.get(p);
            if (isFixedPoint(p)) {
                Point first = pts.get(0);
                s.add(first.costPerQuestion(), first.accuracy());
                l.add("");
            } else {
                l.addAll(lambdaLabels(pts));
                for (Point pt : pts) {
                    s.add(pt.costPerQuestion(), pt.accuracy());
                }
            }
            data.addSeries(s);
            labels.add(l);
        }
        // the λ labels of the first curve alternate above and below its points, so neighbours do not overprint
        ItemLabelPosition above = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
        ItemLabelPosition below = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer() {
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                if (series != 0 || isFixedPoint(policies.get(0))) {
                    return super.getPositiveItemLabelPosition(series, item);
                }
                int shown = 0;
                for (int k = 0; k < item; k++) {
                    shown += labels.get(0).get(k).isEmpty() ? 0 : 1;
                }
                return shown % 2 == 0 ? above : below;
            }
        };
        double[] xr = range(data, true);
        int curve = 0;
        int model = 0;
        for (int i = 0; i < policies.size(); i++) {
            String p = policies.get(i);
            boolean fixed = isFixedPoint(p);
            Color c = fixed ? FIXED_POINT : PALETTE[curve++ % PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesLinesVisible(i, !fixed);
            r.setSeriesShape(i, p.equals(PERFECT_ROUTER) ? square(7)
                    : fixed ? MODEL_SHAPES[model++ % MODEL_SHAPES.length] : new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            r.setSeriesShapesFilled(i, !p.equals(PERFECT_ROUTER));
            r.setSeriesStroke(i, p.startsWith("best fixed")
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            // λ labels only on the first curve (IC-Q), to keep the plot readable; the fixed points are named in the legend
            boolean labelled = !fixed && i == 0;
            r.setSeriesItemLabelsVisible(i, labelled);
            r.setSeriesItemLabelFont(i, new Font(Font.SANS_SERIF, fixed ? Font.PLAIN : Font.BOLD, 12));
            r.setSeriesItemLabelPaint(i, fixed ? Color.DARK_GRAY : c);
            r.setSeriesPositiveItemLabelPosition(i, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        r.setDefaultItemLabelGenerator((dataset, series, item) -> labels.get(series).get(item));
        r.setDefaultItemLabelsVisible(true);
        RoundLogAxis x = new RoundLogAxis("$ per held-out question (log scale)");
        x.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        x.setRange(xr[0] / 2.5, xr[1] * 4);
        NumberAxis y = new NumberAxis("accuracy on held-out questions");
        y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double[] yr = range(data, false);
        double pad = Math.max(0.02, (yr[1] - yr[0]) * 0.06);
        y.setRange(Math.max(0, yr[0] - pad), Math.min(1.0001, yr[1] + pad));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setOutlinePaint(Color.GRAY);
        return SweepChart.titled(plot, title, subtitle);
    }

    /** Writes the chart {@link #WIDTH} × {@link #HEIGHT} as a PNG. */
    public static Path writePng(Path csv, String title, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.saveChartAsPNG(png.toFile(), build(read(csv), title, subtitle), WIDTH, HEIGHT);
        return png;
    }

    /** {@code CostAccuracyChart SWEEP_CSV OUT_PNG [TITLE [SUBTITLE]]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CostAccuracyChart SWEEP_CSV OUT_PNG [TITLE [SUBTITLE]]");
            System.exit(2);
        }
        String title = args.length > 2 ? args[2] : "cost–accuracy trade-off";
        String subtitle = args.length > 3 ? args[3] : "held-out questions; means over seeds; curves traced as λ varies";
        System.out.println(writePng(Path.of(args[0]), title, subtitle, Path.of(args[1])));
    }

    /**
     * "λ=…" per point; points that nearly coincide on the plot (within 8% in dollars and 0.006 in accuracy) share one
     * label on the first of them ("λ=300, 1000") and the others get none.
     */
    static List<String> lambdaLabels(List<Point> pts) {
        List<String> labels = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            int o = i;
            for (int j = 0; j < i; j++) {
                if (owner.get(j).intValue() == j && close(pts.get(i), pts.get(j))) {
                    o = j;
                    break;
                }
            }
            owner.add(o);
            if (o == i) {
                labels.add("λ=" + number(pts.get(i).lambda()));
            } else {
                labels.set(o, labels.get(o) + ", " + number(pts.get(i).lambda()));
                labels.add("");
            }
        }
        return labels;
    }

    private static boolean close(Point a, Point b) {
        return Math.abs(Math.log(a.costPerQuestion() / b.costPerQuestion())) < Math.log(1.08)
                && Math.abs(a.accuracy() - b.accuracy()) < 0.006;
    }

    private static Shape square(double half) {
        return new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
    }

    private static double[] range(XYSeriesCollection data, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = xAxis ? data.getXValue(s, i) : data.getYValue(s, i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
