package dev.handoff.views.training.charts;

import dev.handoff.metrics.IntervalText;
import dev.handoff.train.Algorithm;
import dev.handoff.train.live.RunFolders;
import dev.handoff.views.training.curves.CurvesViewModel;
import dev.handoff.views.training.curves.SeriesBuffer;
import dev.handoff.views.training.run.RunControlViewModel;
import dev.handoff.views.training.runs.RunsViewModel;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The return chart: per learner the mean ± 95% CI band over seeds (greedy J where the kind is exact, else the training
 * return per window), each seed faint, J* dashed, and past runs of the Runs panel dotted.
 */
public final class ReturnChart {
    private final CurvesViewModel curves;
    private final RunControlViewModel run;
    private final RunsViewModel runs;

    public ReturnChart(CurvesViewModel curves, RunControlViewModel run, RunsViewModel runs) {
        this.curves = curves;
        this.run = run;
        this.runs = runs;
    }

    public ChartContent content() {
        boolean greedy = run.showsGreedyReturn();
        boolean simulated = run.simulatesGreedyReturn();
        int n = run.seedCount();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.18f);
        XYSeriesCollection seeds = new XYSeriesCollection();
        XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(true, false);
        for (Algorithm a : run.algorithms()) {
            String key = LearnerStyle.label(a) + (n >= 2 ? " (mean ± 95% CI)" : " (" + IntervalText.seeds(n) + ")");
            bands.addSeries(ChartSeries.band(key, curves.returnBand(a), false));
            int k = bands.getSeriesCount() - 1;
            band.setSeriesPaint(k, LearnerStyle.colour(a));
            band.setSeriesFillPaint(k, LearnerStyle.colour(a));
            band.setSeriesStroke(k, LearnerStyle.solid(2f));
            for (Map.Entry<Long, SeriesBuffer> e : curves.returnCurves(a).entrySet()) {
                SeriesBuffer b = e.getValue();
                seeds.addSeries(ChartSeries.line(LearnerStyle.label(a) + " seed " + e.getKey(), b.xs(),
                        b.smoothed(curves.returnSmoothing()), b.size(), false));
                int s = seeds.getSeriesCount() - 1;
                faint.setSeriesPaint(s, LearnerStyle.faint(LearnerStyle.colour(a)));
                faint.setSeriesStroke(s, LearnerStyle.solid(0.8f));
                faint.setSeriesVisibleInLegend(s, false);
            }
        }
        List<ChartContent.Line> lines = new ArrayList<>();
        Double jStar = run.oracleReturn();
        if (jStar != null) {
            lines.add(new ChartContent.Line(jStar, String.format(Locale.ROOT, "J* = %.3f (exact optimum)", jStar), null,
                    LearnerStyle.DASHED, true));
        }
        XYSeriesCollection past = new XYSeriesCollection();
        XYLineAndShapeRenderer dotted = new XYLineAndShapeRenderer(true, false);
        for (RunsViewModel.Overlay o : runs.overlaid()) {
            RunFolders.Entry e = o.run();
            Color colour = LearnerStyle.colour(LearnerStyle.parse(e.algorithm()));
            String folder = e.dir().getFileName().toString();
            String name = folder.contains(e.algorithm()) ? folder : folder + " " + e.algorithm();
            if (o.curve() != null) {
                past.addSeries(ChartSeries.line(name + " (past, " + IntervalText.seeds(o.curve().seeds()) + ")", o.curve().x(),
                        o.curve().y(), o.curve().size(), false));
                int k = past.getSeriesCount() - 1;
                dotted.setSeriesPaint(k, colour);
                dotted.setSeriesStroke(k, LearnerStyle.dashed(1.6f, LearnerStyle.DOTTED));
            } else if (e.meanReturn() != null) {
                lines.add(new ChartContent.Line(e.meanReturn(), String.format(Locale.ROOT, "%s: J = %.3f (no curve recorded)",
                        name, e.meanReturn()), colour, LearnerStyle.DOTTED, false));
            }
        }
        String detail = (n >= 2 ? "mean ± 95% CI over " + n + " seeds · seeds faint" : "1 seed: no interval")
                + (greedy ? " · dashed: J*" : "") + (runs.overlaid().isEmpty() ? "" : " · dotted: past runs");
        return new ChartContent(greedy ? "Greedy return J (exact)" : simulated ? "Greedy return J (simulated)"
                : "Training return per window", detail, greedy ? "return J of the greedy policy (exact)"
                : simulated ? "mean return of the greedy policy (simulated episodes)" : "mean episode return (training)",
                curves.logScaleProperty().get(),
                false, List.of(new ChartContent.Layer(bands, band), new ChartContent.Layer(seeds, faint),
                new ChartContent.Layer(past, dotted)), lines, jStar, true,
                run.live() == null ? "Press Train (F5): each learner's " + (greedy ? "greedy return J" : "return")
                        + " is drawn here as it learns" : "Waiting for the first evaluation window…");
    }
}
