package dev.handoff.views.training.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The dashboard charts' axes: handoff counts in short form ("500K", "1.5M", so the last tick label fits), linear or
 * logarithmic as the Log scale box says, and a range axis widened to keep J* in view.
 */
public final class ChartAxes {
    private ChartAxes() {
    }

    /** An empty chart of handoffs (x) against {@code yLabel} (y), with room on the right for half the last tick label. */
    public static JFreeChart curveChart(String xLabel, String yLabel) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(domain(xLabel, false));
        plot.setRangeAxis(range(yLabel, false));
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.setPadding(new RectangleInsets(4, 4, 4, 16));
        return c;
    }

    /** Handoff counts as "1.5M" (JDK compact number format, up to two decimals). */
    public static NumberFormat handoffFormat() {
        NumberFormat f = NumberFormat.getCompactNumberInstance(Locale.US, NumberFormat.Style.SHORT);
        f.setMaximumFractionDigits(2);
        return f;
    }

    /** A handoffs axis, linear or logarithmic. */
    public static ValueAxis domain(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(1);
            a.setNumberFormatOverride(handoffFormat());
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeMinimumSize(1000); // one point, or a few handoffs, still gets a readable axis
        a.setNumberFormatOverride(handoffFormat());
        return a;
    }

    /** A value axis, linear or logarithmic. */
    public static ValueAxis range(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setSmallestValue(1e-6);
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeMinimumSize(0.01);
        return a;
    }

    /** Switches the plot's axes to the requested scales (keeping them when they already are). */
    public static void scales(XYPlot plot, boolean logX, boolean logY) {
        if (logX != (plot.getDomainAxis() instanceof LogAxis)) {
            plot.setDomainAxis(domain(plot.getDomainAxis().getLabel(), logX));
        }
        if (logY != (plot.getRangeAxis() instanceof LogAxis)) {
            plot.setRangeAxis(range(plot.getRangeAxis().getLabel(), logY));
        }
    }

    /** Widens the (linear) range axis so a line at {@code value} (J*) is in view; lines do not count for auto-range. */
    public static void keepInRange(XYPlot plot, Double value) {
        ValueAxis axis = plot.getRangeAxis();
        if (value == null || axis instanceof LogAxis) {
            return;
        }
        axis.setAutoRange(true);
        Range data = plot.getDataRange(axis);
        if (data != null && !data.contains(value)) {
            Range both = Range.expandToInclude(data, value);
            double pad = 0.05 * Math.max(both.getLength(), 1e-9);
            axis.setRange(both.getLowerBound() - pad, both.getUpperBound() + pad);
        }
    }
}
