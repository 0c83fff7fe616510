package dev.handoff.app.cli.plot;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 log axis whose ticks sit at round values: labelled at 1, 2 and 5 × 10^k (only at 10^k when the range spans
 * more than four decades), with unlabelled minor ticks at the other multiples.
 */
final class RoundLogAxis extends LogAxis {
    RoundLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setMinorTickMarksVisible(true);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<ValueTick> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        boolean decadesOnly = last - first > 4;
        for (int k = first; k <= last; k++) {
            double decade = Math.pow(10, k);
            for (int m = 1; m <= 9; m++) {
                double v = m * decade;
                if (v < lo || v > hi) {
                    continue;
                }
                boolean labelled = m == 1 || (!decadesOnly && (m == 2 || m == 5));
                ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, v, labelled ? format(v) : "",
                        anchor, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }

    static String format(double v) {
        if (v >= 1e8 || v < 1e-3) {
            return new DecimalFormat("0.#E0").format(v);
        }
        return new DecimalFormat("#,##0.###").format(v);
    }
}
