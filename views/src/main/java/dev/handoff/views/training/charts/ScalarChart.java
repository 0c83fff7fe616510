package dev.handoff.views.training.charts;

import dev.handoff.views.training.LiveActivity;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.curves.CurvesViewModel;
import dev.handoff.views.training.run.RunControlViewModel;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.util.ArrayList;
import java.util.List;

/** The handoff scalars m on the busiest edges: mean over seeds per window, with the spread within a window as a band. */
public final class ScalarChart {
    /** Edges drawn at most (the busiest in the latest window). */
    public static final int EDGES = 6;
    private final TrainedWorkflow trained;
    private final CurvesViewModel curves;
    private final LiveActivity activity;
    private final RunControlViewModel run;

    public ScalarChart(TrainedWorkflow trained, CurvesViewModel curves, LiveActivity activity, RunControlViewModel run) {
        this.trained = trained;
        this.curves = curves;
        this.activity = activity;
        this.run = run;
    }

    public ChartContent content() {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.12f);
        List<Integer> shown = busiestEdges(EDGES);
        for (int e : shown) {
            YIntervalSeries s = ChartSeries.spread(trained.edgeName(e), curves.scalarMeanBand(e), curves.scalarStdBand(e));
            if (s.getItemCount() == 0) {
                continue;
            }
            bands.addSeries(s);
            int k = bands.getSeriesCount() - 1;
            r.setSeriesPaint(k, ChartTheme.palette(e));
            r.setSeriesFillPaint(k, ChartTheme.palette(e));
            r.setSeriesStroke(k, LearnerStyle.solid(1.3f));
        }
        String detail = (shown.size() < trained.edgeCount() ? "the " + shown.size() + " busiest of " + trained.edgeCount() + " edges"
                : "every edge") + " · band: spread in a window";
        return new ChartContent("Handoff scalars m (" + LearnerStyle.label(run.primary()) + ")", detail, "scalar m",
                curves.logScaleProperty().get(), false, List.of(new ChartContent.Layer(bands, r)), List.of(), null,
                bands.getSeriesCount() <= 8, run.live() == null
                ? "Press Train (F5): the scalar crossing each busy handoff is drawn here" : "Waiting for the first evaluation window…");
    }

    /** The {@code n} edges that carried the most scalars in the latest window (all of them before any data). */
    private List<Integer> busiestEdges(int n) {
        List<Integer> edges = new ArrayList<>();
        for (int e = 0; e < trained.edgeCount(); e++) {
            edges.add(e);
        }
        edges.sort((a, b) -> Long.compare(activity.edgeRecentCount(b), activity.edgeRecentCount(a)));
        return edges.subList(0, Math.min(n, edges.size()));
    }
}
