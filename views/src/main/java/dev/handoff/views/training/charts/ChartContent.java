package dev.handoff.views.training.charts;

import org.jfree.data.xy.XYDataset;
import org.jfree.chart.renderer.xy.XYItemRenderer;

import java.awt.Color;
import java.util.List;

/**
 * Everything one dashboard chart shows, built by a chart adapter from the view-models (never by the view): a title and a
 * detail line, the range axis label and scales, the datasets with their renderers (drawn in order), horizontal lines
 * (J*, a past run's final J), and what to say instead of an empty plot.
 */
public record ChartContent(String title, String detail, String rangeLabel, boolean logX, boolean logY, List<Layer> layers,
                           List<Line> lines, Double keepInRange, boolean legend, String emptyMessage) {
    /** One dataset and how it is drawn. */
    public record Layer(XYDataset data, XYItemRenderer renderer) {
    }

    /**
     * A horizontal line across the plot: its value, label, colour (null: the theme's text colour), dash pattern, and
     * whether its label sits below the line (else above).
     */
    public record Line(double value, String label, Color colour, float[] dash, boolean labelBelow) {
    }

    /** Whether there is anything to plot: a data point in some layer, or a line. */
    public boolean hasData() {
        if (!lines.isEmpty()) {
            return true;
        }
        for (Layer l : layers) {
            for (int s = 0; l.data() != null && s < l.data().getSeriesCount(); s++) {
                if (l.data().getItemCount(s) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Title and detail on one line (tooltips, tests, CSV names). */
    public String caption() {
        return detail.isEmpty() ? title : title + " · " + detail;
    }
}
