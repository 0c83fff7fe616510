package dev.handoff.views.traces;

import dev.handoff.views.training.charts.ChartContent;
import dev.handoff.views.training.charts.ChartTheme;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/** The chart of learning from traces, built from the view-model: the largest Q change of each round, on a log scale. */
final class TraceRoundsChart {
    private final TraceLearningViewModel vm;

    TraceRoundsChart(TraceLearningViewModel vm) {
        this.vm = vm;
    }

    /** The empty chart the panel shows it in: rounds (whole numbers) against a log scale. */
    static org.jfree.chart.JFreeChart emptyChart() {
        org.jfree.chart.axis.NumberAxis rounds = new org.jfree.chart.axis.NumberAxis("round");
        rounds.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        rounds.setAutoRangeIncludesZero(false);
        org.jfree.chart.axis.LogAxis change = new org.jfree.chart.axis.LogAxis("largest Q change");
        change.setSmallestValue(1e-16);
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(null, rounds, change, null);
        org.jfree.chart.JFreeChart chart = new org.jfree.chart.JFreeChart(null, org.jfree.chart.JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 16));
        return chart;
    }

    ChartContent content() {
        XYSeries changes = new XYSeries("largest Q change");
        for (TraceLearningViewModel.RoundPoint p : vm.rounds()) {
            changes.add(p.round(), Math.max(p.change(), 1e-16));
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartTheme.ICQ);
        return new ChartContent("Learning: the largest Q change per round",
                "the largest change of any Q-value in a round; learning stops at 1e-9", "largest Q change", false, true,
                List.of(new ChartContent.Layer(new XYSeriesCollection(changes), line)), List.of(), null, false,
                "Open traces, then Learn…: each round's largest Q change is drawn here");
    }
}
