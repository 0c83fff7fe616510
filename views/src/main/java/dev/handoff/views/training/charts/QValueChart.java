package dev.handoff.views.training.charts;

import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.curves.CurvesViewModel;
import dev.handoff.views.training.curves.SeriesBuffer;
import dev.handoff.views.training.focus.AgentFocusViewModel;
import dev.handoff.views.training.run.RunControlViewModel;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/** The Q-values of the selected agent at the selected view over handoffs, one line per action (first seed shown). */
public final class QValueChart {
    private final TrainedWorkflow trained;
    private final AgentFocusViewModel focus;
    private final CurvesViewModel curves;
    private final RunControlViewModel run;

    public QValueChart(TrainedWorkflow trained, AgentFocusViewModel focus, CurvesViewModel curves, RunControlViewModel run) {
        this.trained = trained;
        this.focus = focus;
        this.curves = curves;
        this.run = run;
    }

    public ChartContent content() {
        int agent = focus.selectedAgent();
        int view = focus.selectedView();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        List<SeriesBuffer> perAction = focus.qCurves(agent, view);
        for (int a = 0; a < perAction.size(); a++) {
            String key = trained.actionName(agent, a);
            if (lines.getSeriesIndex(key) >= 0) {
                key = key + " (action " + a + ")";
            }
            SeriesBuffer b = perAction.get(a);
            lines.addSeries(ChartSeries.line(key, b.xs(), b.smoothed(0), b.size(), false));
            r.setSeriesPaint(a, ChartTheme.palette(a + 3));
            r.setSeriesStroke(a, LearnerStyle.solid(1.6f));
        }
        String seed = focus.shownSeed() < 0 ? "seed 1" : "seed " + focus.shownSeed();
        return new ChartContent("Q-values of " + trained.agentId(agent), "at view " + trained.describeView(agent, view)
                + " · one line per action · " + LearnerStyle.label(run.primary()) + ", " + seed, "Q(view, action)",
                curves.logScaleProperty().get(), false,
                List.of(new ChartContent.Layer(lines, r)), List.of(), null, true, run.live() == null
                ? "Press Train (F5): the Q-values of the agent selected on the graph are drawn here"
                : "Waiting for the first Q-values…");
    }
}
