package dev.handoff.views.training.charts;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19.5: the handoffs axis of a dashboard chart draws its last tick label whole ("1,500,00" was clipped). */
class ChartAxesTest {
    @ParameterizedTest
    @ValueSource(ints = {260, 400, 525, 800})
    void theLastTickLabelOfTheHandoffsAxisFitsInsideTheChart(int width) {
        JFreeChart chart = ChartAxes.curveChart("handoffs per seed", "return J");
        XYSeries s = new XYSeries("IC-Q");
        for (int i = 0; i <= 30; i++) {
            s.add(i * 50_000, Math.log1p(i));
        }
        chart.getXYPlot().setDataset(new XYSeriesCollection(s));
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, false));
        ChartTheme.apply(chart, false);
        BufferedImage image = new BufferedImage(width, 260, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, 260), info);
        Rectangle2D data = info.getPlotInfo().getDataArea();
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        @SuppressWarnings("unchecked")
        List<ValueTick> ticks = (List<ValueTick>) (List<?>) x.refreshTicks(g, new AxisState(), data, RectangleEdge.BOTTOM);
        ValueTick last = ticks.stream().filter(t -> !t.getText().isEmpty()).reduce((a, b) -> b).orElseThrow();
        double centre = x.valueToJava2D(last.getValue(), data, RectangleEdge.BOTTOM);
        double half = g.getFontMetrics(x.getTickLabelFont()).stringWidth(last.getText()) / 2.0;
        assertThat(centre + half).as("right end of \"%s\" at width %d", last.getText(), width).isLessThanOrEqualTo(width);
        assertThat(last.getText()).matches("\\d+(\\.\\d+)?[KM]?");
    }

    @ParameterizedTest
    @ValueSource(doubles = {500_000, 1_500_000, 12_000_000})
    void handoffCountsAreWrittenShort(double handoffs) {
        assertThat(ChartAxes.handoffFormat().format(handoffs)).isIn("500K", "1.5M", "12M");
    }
}
