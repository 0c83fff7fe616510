package dev.handoff.views.training;

import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.NodePlacement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@link LiveGraphView} draws each node for a panel size (issue 19.4): the editor's placement
 * ({@link NodePlacement}, STOP included) scaled to fit, with boxes as large as they can be — at most
 * {@value #MAX_WIDTH} × {@value #MAX_HEIGHT} px — while no two boxes touch and at least {@value #GAP} px stay between
 * neighbours for the edges (a pixel, in a panel too small for that). Boxes too small for a legible id
 * ({@value #MIN_FONT} px) are drawn without text: the level of detail of a crowded graph.
 */
public record LiveGraphGeometry(Map<String, double[]> centres, double boxWidth, double boxHeight, double fontSize,
                                boolean labelled) {
    public static final double MAX_WIDTH = 64;
    public static final double MAX_HEIGHT = 30;
    public static final double GAP = 12;
    public static final double MIN_FONT = 8;
    static final double MAX_FONT = 11;
    /** Below this width the gap shrinks to a pixel so boxes stay large enough to see. */
    static final double MIN_SPACED_WIDTH = 16;
    private static final double PAD = 40;
    private static final double MAX_SCALE = 1.6;

    /** The geometry of {@code w} in a panel of {@code width} × {@code height} px. */
    public static LiveGraphGeometry fit(Workflow w, double width, double height) {
        Map<String, Point> slots = NodePlacement.of(w);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : slots.values()) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        double scale = Math.max(1e-3, Math.min(MAX_SCALE, Math.min((width - 2 * PAD) / Math.max(1, maxX - minX),
                (height - 2 * PAD) / Math.max(1, maxY - minY))));
        double offX = (width - (maxX - minX) * scale) / 2 - minX * scale;
        double offY = (height - (maxY - minY) * scale) / 2 - minY * scale;
        Map<String, double[]> centres = new LinkedHashMap<>();
        slots.forEach((id, p) -> centres.put(id, new double[] {p.x() * scale + offX, p.y() * scale + offY}));
        List<double[]> cs = new ArrayList<>(centres.values());
        double boxW = widest(cs, GAP);
        if (boxW < MIN_SPACED_WIDTH) { // a panel too small for spaced boxes: smaller ones, still not touching
            boxW = Math.min(MIN_SPACED_WIDTH, widest(cs, 1));
        }
        boxW = Math.max(1, boxW);
        double boxH = boxW * MAX_HEIGHT / MAX_WIDTH;
        int longest = w.agents().stream().mapToInt(a -> a.id().length()).max().orElse(4);
        double font = Math.min(MAX_FONT, Math.min(boxH * 0.6, (boxW - 6) / (0.62 * Math.max(3, longest))));
        return new LiveGraphGeometry(centres, boxW, boxH, font, font >= MIN_FONT);
    }

    /** The widest box (at most {@link #MAX_WIDTH}) that keeps {@code gap} between every two boxes. */
    private static double widest(List<double[]> cs, double gap) {
        double boxW = MAX_WIDTH;
        for (int i = 0; i < cs.size(); i++) {
            for (int j = i + 1; j < cs.size(); j++) {
                double dx = Math.abs(cs.get(i)[0] - cs.get(j)[0]);
                double dy = Math.abs(cs.get(i)[1] - cs.get(j)[1]);
                // the pair stays apart if either its horizontal or its vertical distance exceeds a box plus the gap
                boxW = Math.min(boxW, Math.max(dx - gap, (dy - gap) * MAX_WIDTH / MAX_HEIGHT));
            }
        }
        return boxW;
    }

    public double x(String id) {
        return centres.get(id)[0];
    }

    public double y(String id) {
        return centres.get(id)[1];
    }

    /** The box of a node: {x, y, width, height} (STOP's is as tall, a little narrower). */
    public double[] box(String id) {
        double bw = HandoffSpec.STOP.equals(id) ? boxWidth * 0.75 : boxWidth;
        return new double[] {x(id) - bw / 2, y(id) - boxHeight / 2, bw, boxHeight};
    }
}
