package dev.handoff.views.training.charts;

import dev.handoff.train.Algorithm;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.curves.CurvesViewModel;
import dev.handoff.views.training.curves.ErrorComponent;
import dev.handoff.views.training.run.RunControlViewModel;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.util.List;

/**
 * The error chart, as {@link CurvesViewModel#shownErrorView()} says: the error components of the bound (ICQ.md §4)
 * with the sum of parts dashed, the oracle gap J* − J of each learner, or the TD error of each agent.
 */
public final class ErrorChart {
    private final TrainedWorkflow trained;
    private final CurvesViewModel curves;
    private final RunControlViewModel run;

    public ErrorChart(TrainedWorkflow trained, CurvesViewModel curves, RunControlViewModel run) {
        this.trained = trained;
        this.curves = curves;
        this.run = run;
    }

    public ChartContent content() {
        return switch (curves.shownErrorView()) {
            case COMPONENTS -> components(curves.componentLearner());
            case ORACLE_GAP -> oracleGap();
            case TD_ERROR -> tdErrors();
        };
    }

    private String emptyMessage() {
        if (run.live() != null) {
            return "Waiting for the first evaluation window…";
        }
        return switch (curves.errorViewProperty().get()) {
            case COMPONENTS -> "Press Train (F5): the three error terms of the bound (ICQ.md §4) are drawn here";
            case ORACLE_GAP -> "Press Train (F5): each learner's gap J* − J to the optimum is drawn here";
            case TD_ERROR -> "Press Train (F5): each agent's TD error is drawn here";
        };
    }

    /** Total, sum of parts, interface gap, mixing residual and (neural) approximation of {@code a}, mean over seeds. */
    private ChartContent components(Algorithm a) {
        boolean log = curves.logScaleProperty().get();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // total and the sum of parts first, so the thinner parts stay visible on top where they coincide
        for (ErrorComponent e : List.of(ErrorComponent.TOTAL, ErrorComponent.SUM_OF_PARTS, ErrorComponent.INTERFACE_GAP,
                ErrorComponent.MIXING_RESIDUAL, ErrorComponent.NEURAL_APPROX)) {
            if (e == ErrorComponent.NEURAL_APPROX && a != Algorithm.ICQ_NEURAL) {
                continue; // identically 0 for tabular learners (the caption says so)
            }
            lines.addSeries(ChartSeries.mean(e.toString(), curves.componentBand(a, e), log));
            int k = lines.getSeriesCount() - 1;
            r.setSeriesPaint(k, colour(e));
            r.setSeriesStroke(k, e == ErrorComponent.SUM_OF_PARTS ? LearnerStyle.dashed(1.4f, LearnerStyle.DASHED)
                    : LearnerStyle.solid(e == ErrorComponent.TOTAL ? 4f : 1.5f));
        }
        long readings = curves.componentReadings(a);
        String check = readings == 0 ? "no reading yet"
                : curves.closureHolds(a) ? "total ≤ sum of parts ✓" : "total > sum of parts ✗ in some readings";
        String detail = "mean over seeds · " + check + (readings == 0 ? "" : " (" + readings + " readings)")
                + (a == Algorithm.ICQ_NEURAL ? "" : " · neural approximation is 0 for a tabular learner");
        return new ChartContent("Error components of " + LearnerStyle.label(a), detail, "μ-weighted error (units of Q)",
                log, log, List.of(new ChartContent.Layer(lines, r)), List.of(), null, true, emptyMessage());
    }

    /** J* − J per learner, mean ± 95% CI: what is left of each learner's return gap (IC-Q keeps its interface gap). */
    private ChartContent oracleGap() {
        boolean log = curves.logScaleProperty().get();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (Algorithm a : run.algorithms()) {
            bands.addSeries(ChartSeries.band(LearnerStyle.label(a) + " J* − J", curves.oracleGapBand(a), log));
            int k = bands.getSeriesCount() - 1;
            r.setSeriesPaint(k, LearnerStyle.colour(a));
            r.setSeriesFillPaint(k, LearnerStyle.colour(a));
            r.setSeriesStroke(k, LearnerStyle.solid(2f));
        }
        int n = run.seedCount();
        return new ChartContent("Oracle gap J* − J", (n >= 2 ? "mean ± 95% CI over " + n + " seeds" : "1 seed: no interval")
                + " · IC-Q keeps its interface gap", "J* − J (greedy policy, exact)", log, log,
                List.of(new ChartContent.Layer(bands, r)), List.of(), null, true, emptyMessage());
    }

    private ChartContent tdErrors() {
        boolean log = curves.logScaleProperty().get();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < trained.agentCount(); i++) {
            lines.addSeries(ChartSeries.mean(trained.agentId(i), curves.tdBand(i), log));
            r.setSeriesPaint(i, ChartTheme.palette(i));
            r.setSeriesStroke(i, LearnerStyle.solid(1.3f));
        }
        String detail = "mean over seeds" + (run.live() != null && run.oracleReturn() == null
                ? " · no finite model: no error components or oracle gap" : "");
        return new ChartContent("TD error per agent (" + LearnerStyle.label(run.primary()) + ")", detail, "mean |TD error|",
                log, log, List.of(new ChartContent.Layer(lines, r)), List.of(), null, trained.agentCount() <= 12, emptyMessage());
    }

    private static Color colour(ErrorComponent e) {
        return switch (e) {
            case NEURAL_APPROX -> ChartTheme.palette(4);
            case INTERFACE_GAP -> ChartTheme.palette(3);
            case MIXING_RESIDUAL -> ChartTheme.palette(5);
            case TOTAL -> ChartTheme.ICQ;
            case SUM_OF_PARTS -> ChartTheme.palette(7);
        };
    }
}
