package dev.handoff.views.training;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The workflow graph during a run: each agent glows with its recent share of decisions (the artifact's holder at slow
 * speed), each handoff edge carries its recent mean scalar and count. Clicking an agent selects it. It draws whatever
 * {@link GraphActivity} it is given: the dashboard's run, or a bundle played in evaluate mode.
 */
public final class LiveGraphView extends Region {
    private final GraphActivity vm;
    private final Canvas canvas = new Canvas();
    private final List<String> edgeLabels = new ArrayList<>();
    private LiveGraphGeometry geometry;
    private Workflow geometryOf;
    private double geometryWidth;
    private double geometryHeight;
    private boolean dark;
    private IntConsumer onAgentClicked = i -> { };

    public LiveGraphView(GraphActivity vm) {
        this.vm = vm;
        setId("live-graph");
        getChildren().add(canvas);
        setMinSize(200, 160);
        canvas.setOnMouseClicked(e -> {
            int hit = agentAt(e.getX(), e.getY());
            if (hit >= 0) {
                onAgentClicked.accept(hit);
            }
        });
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
    }

    public void setOnAgentClicked(IntConsumer c) {
        this.onAgentClicked = c;
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        redraw();
    }

    /** The labels currently drawn on edges ("from → to: mean (count)"), for tests and accessibility. */
    public List<String> edgeLabels() {
        return List.copyOf(edgeLabels);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Where nodes are drawn at the current size (computed again only when the size or the workflow changes). */
    public LiveGraphGeometry geometry() {
        Workflow w = vm.workflow();
        if (geometry == null || geometryOf != w || geometryWidth != getWidth() || geometryHeight != getHeight()) {
            geometry = LiveGraphGeometry.fit(w, getWidth(), getHeight());
            geometryOf = w;
            geometryWidth = getWidth();
            geometryHeight = getHeight();
        }
        return geometry;
    }

    private double sx(String id) {
        return geometry.x(id);
    }

    private double sy(String id) {
        return geometry.y(id);
    }

    private int agentAt(double x, double y) {
        Workflow w = vm.workflow();
        for (int i = 0; i < w.agents().size(); i++) {
            String id = w.agents().get(i).id();
            if (Math.abs(x - sx(id)) <= geometry.boxWidth() / 2 && Math.abs(y - sy(id)) <= geometry.boxHeight() / 2) {
                return i;
            }
        }
        return -1;
    }

    private static boolean clashes(double[] box, List<double[]> others) {
        for (double[] b : others) {
            if (box[0] < b[0] + b[2] && b[0] < box[0] + box[2] && box[1] < b[1] + b[3] && b[1] < box[1] + box[3]) {
                return true;
            }
        }
        return false;
    }

    /** Redraws from the view-model (FX thread). */
    public void redraw() {
        double wdt = getWidth();
        double hgt = getHeight();
        if (wdt <= 0 || hgt <= 0) {
            return;
        }
        geometry();
        double nodeW = geometry.boxWidth();
        double nodeH = geometry.boxHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        Color bg = dark ? Color.web("#0d1117") : Color.web("#ffffff");
        Color fg = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color edge = dark ? Color.web("#6e7681") : Color.web("#8c959f");
        Color accent = Color.web("#1f6feb");
        g.setFill(bg);
        g.fillRect(0, 0, wdt, hgt);
        Workflow w = vm.workflow();
        edgeLabels.clear();
        // edges
        g.setFont(Font.font("SansSerif", 10));
        List<double[]> labelBoxes = new ArrayList<>();
        for (AgentSpec a : w.agents()) { // labels never cover an agent
            labelBoxes.add(geometry.box(a.id()));
        }
        List<double[]> pending = new ArrayList<>(); // label candidates: {edge, x, y}
        List<Integer> order = new ArrayList<>(); // emphasised edges last, on top of the others
        for (int e = 0; e < w.handoffs().size(); e++) {
            order.add(e);
        }
        order.sort((a, b) -> Boolean.compare(vm.edgeHighlighted(a), vm.edgeHighlighted(b)));
        for (int e : order) {
            HandoffSpec h = w.handoffs().get(e);
            double x1 = sx(h.from()), y1 = sy(h.from()), x2 = sx(h.to()), y2 = sy(h.to());
            double dx = x2 - x1, dy = y2 - y1, len = Math.max(1, Math.hypot(dx, dy));
            double ux = dx / len, uy = dy / len;
            double sxp = x1 + ux * nodeW * 0.45, syp = y1 + uy * nodeH * 0.7;
            double exp = x2 - ux * nodeW * 0.45, eyp = y2 - uy * nodeH * 0.7;
            long count = vm.edgeRecentCount(e);
            double mean = vm.edgeRecentMean(e);
            boolean strong = vm.edgeHighlighted(e);
            g.setStroke(strong ? accent : count > 0 ? accent.deriveColor(0, 1, 1, 0.35 + 0.5 * Math.min(1, Math.log10(1 + count) / 5)) : edge);
            g.setLineWidth(strong ? 3 : count > 0 ? 1.2 + Math.min(2.5, Math.log10(1 + count) / 2) : 1);
            g.strokeLine(sxp, syp, exp, eyp);
            g.setFill(g.getStroke());
            double head = strong ? 7 : 4;
            double ax = exp - ux * 2 * head, ay = eyp - uy * 2 * head;
            g.fillPolygon(new double[] {exp, ax - uy * head, ax + uy * head}, new double[] {eyp, ay + ux * head, ay - ux * head}, 3);
            if (count > 0 && !Double.isNaN(mean)) {
                pending.add(new double[] {e, sxp, syp, exp, eyp});
            }
        }
        // emphasised labels, then the busiest edges' first; a label that would cover another is left out (its edge still glows)
        pending.sort((a, b) -> vm.edgeHighlighted((int) a[0]) != vm.edgeHighlighted((int) b[0])
                ? Boolean.compare(vm.edgeHighlighted((int) b[0]), vm.edgeHighlighted((int) a[0]))
                : Long.compare(vm.edgeRecentCount((int) b[0]), vm.edgeRecentCount((int) a[0])));
        for (double[] c : pending) {
            int e = (int) c[0];
            HandoffSpec h = w.handoffs().get(e);
            String text = vm.edgeLabel(e);
            boolean strong = vm.edgeHighlighted(e);
            double tw = text.length() * (strong ? 7.2 : 5.6) + 8;
            double th = strong ? 20 : 14;
            // an emphasised label tries other places along its edge before it gives up and covers what is there
            double[] along = strong ? new double[] {0.55, 0.4, 0.7, 0.3, 0.8} : new double[] {0.55};
            double[] box = null;
            for (double t : along) {
                double[] b = {c[1] + (c[3] - c[1]) * t - tw / 2, c[2] + (c[4] - c[2]) * t - th / 2, tw, th};
                if (!clashes(b, labelBoxes)) {
                    box = b;
                    break;
                }
            }
            if (box == null && strong) {
                box = new double[] {c[1] + (c[3] - c[1]) * 0.55 - tw / 2, c[2] + (c[4] - c[2]) * 0.55 - th / 2, tw, th};
            }
            if (box == null) {
                continue;
            }
            labelBoxes.add(box);
            edgeLabels.add(h.from() + " → " + h.to() + ": " + text);
            g.setFill(bg.deriveColor(0, 1, 1, 0.85));
            g.fillRoundRect(box[0], box[1], box[2], box[3], 6, 6);
            if (strong) {
                g.setStroke(accent);
                g.setLineWidth(1.5);
                g.strokeRoundRect(box[0], box[1], box[2], box[3], 6, 6);
            }
            g.setFill(fg);
            g.setFont(strong ? Font.font("SansSerif", FontWeight.BOLD, 12) : Font.font("SansSerif", 10));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text, box[0] + tw / 2, box[1] + box[3] / 2);
        }
        // nodes
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, geometry.fontSize()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        int selected = vm.selectedAgent();
        for (int i = 0; i < w.agents().size(); i++) {
            AgentSpec a = w.agents().get(i);
            double x = sx(a.id()), y = sy(a.id());
            double act = vm.activity(i);
            Color fill = (dark ? Color.web("#21262d") : Color.web("#f6f8fa")).interpolate(Color.web("#f0b429"), Math.min(1, act));
            if (act > 0.02) {
                g.setFill(Color.web("#f0b429", 0.25 * Math.min(1, act)));
                g.fillRoundRect(x - nodeW / 2 - 6, y - nodeH / 2 - 6, nodeW + 12, nodeH + 12, 16, 16);
            }
            g.setFill(fill);
            g.fillRoundRect(x - nodeW / 2, y - nodeH / 2, nodeW, nodeH, 10, 10);
            g.setStroke(i == selected ? accent : (i == vm.holder() ? Color.web("#d29922") : edge));
            g.setLineWidth(i == selected ? 2.5 : 1.2);
            g.strokeRoundRect(x - nodeW / 2, y - nodeH / 2, nodeW, nodeH, 10, 10);
            if (geometry.labelled()) { // too small for a legible id: the box alone (the tooltip-free level of detail)
                g.setFill(act > 0.6 ? Color.web("#24292f") : fg);
                g.fillText(a.id(), x, y);
            }
        }
        double[] stop = geometry.box(HandoffSpec.STOP);
        g.setFill(dark ? Color.web("#30363d") : Color.web("#eaeef2"));
        g.fillOval(stop[0], stop[1], stop[2], stop[3]);
        if (geometry.labelled()) {
            g.setFill(fg);
            g.setFont(Font.font("SansSerif", Math.min(10, geometry.fontSize())));
            g.fillText("STOP", stop[0] + stop[2] / 2, stop[1] + stop[3] / 2);
        }
    }
}
