package dev.handoff.views.training.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** Light and dark colours for the dashboard's charts, matching the AtlantaFX Primer themes. */
public final class ChartTheme {
    public static final Color ICQ = new Color(0x1f, 0x6f, 0xeb);
    public static final Color ORACLE = new Color(0x2d, 0xa4, 0x4e);
    public static final Color INDEPENDENT = new Color(0xe3, 0x6b, 0x0c);
    private static final Color[] PALETTE = {ICQ, ORACLE, INDEPENDENT, new Color(0x8b, 0x5c, 0xf6), new Color(0xd6, 0x33, 0x84),
            new Color(0x0e, 0x9f, 0xa8), new Color(0x9a, 0x6b, 0x1f), new Color(0x5b, 0x6b, 0x7f), new Color(0xc0, 0x2a, 0x2a),
            new Color(0x6f, 0xa8, 0x1a)};

    private ChartTheme() {
    }

    public static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The theme's text colour (axis labels, the J* line). */
    public static Color foreground(boolean dark) {
        return dark ? new Color(0xc9, 0xd1, 0xd9) : new Color(0x24, 0x29, 0x2f);
    }

    public static void apply(JFreeChart chart, boolean dark) {
        Color bg = dark ? new Color(0x0d, 0x11, 0x17) : Color.WHITE;
        Color plotBg = dark ? new Color(0x16, 0x1b, 0x22) : new Color(0xfa, 0xfb, 0xfc);
        Color fg = foreground(dark);
        Color grid = dark ? new Color(0x30, 0x36, 0x3d) : new Color(0xd0, 0xd7, 0xde);
        chart.setBackgroundPaint(bg);
        chart.setAntiAlias(true);
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setPaint(fg);
            t.setFont(new Font("SansSerif", Font.BOLD, 13));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(bg);
            legend.setItemPaint(fg);
            legend.setItemFont(new Font("SansSerif", Font.PLAIN, 11));
            legend.setFrame(new org.jfree.chart.block.BlockBorder(bg));
            // room after each label, so the next item's line sample never touches it
            legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 10));
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(plotBg);
            p.setDomainGridlinePaint(grid);
            p.setRangeGridlinePaint(grid);
            p.setDomainGridlineStroke(new BasicStroke(0.6f));
            p.setRangeGridlineStroke(new BasicStroke(0.6f));
            p.setOutlinePaint(grid);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axis(p.getDomainAxis(i), fg, grid);
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i), fg, grid);
            }
        }
    }

    static void axis(ValueAxis a, Color fg, Color grid) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(fg);
        a.setTickLabelPaint(fg);
        a.setAxisLinePaint(grid);
        a.setTickMarkPaint(grid);
        a.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
    }
}
