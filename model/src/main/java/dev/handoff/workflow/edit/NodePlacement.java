package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every node of a workflow is drawn, in canvas units (the top-left corner of a {@link LayeredLayout#NODE_WIDTH}
 * × {@link LayeredLayout#NODE_HEIGHT} slot; STOP is drawn inside its slot): the stored layout, and for nodes it does
 * not place the editor's defaults (auto-layout for a document without any layout; else new agents on a grid below
 * and STOP to the right of everything). {@link #separated} moves overlapping slots apart.
 */
public final class NodePlacement {
    public static final double WIDTH = LayeredLayout.NODE_WIDTH;
    public static final double HEIGHT = LayeredLayout.NODE_HEIGHT;
    /** The space {@link #separated} leaves between two slots. */
    public static final double GAP = 24;
    /** {@link #separated} first scales the drawing up by at most this much before it moves single nodes. */
    public static final double MAX_SCALE = 4;

    private NodePlacement() {
    }

    /** Every agent's and STOP's position (agents in document order, STOP last). */
    public static Map<String, Point> of(Workflow w) {
        Map<String, Point> stored = w.layout().positions();
        Map<String, Point> defaults = defaults(w);
        Map<String, Point> out = new LinkedHashMap<>();
        for (AgentSpec a : w.agents()) {
            out.put(a.id(), stored.getOrDefault(a.id(), defaults.get(a.id())));
        }
        out.put(HandoffSpec.STOP, stored.getOrDefault(HandoffSpec.STOP, defaults.get(HandoffSpec.STOP)));
        return out;
    }

    /**
     * Positions for nodes the layout does not place yet: a document without any layout is drawn as auto-layout would
     * place it (without editing it); otherwise new agents go on a grid below and STOP right of everything.
     */
    public static Map<String, Point> defaults(Workflow w) {
        Map<String, Point> placed = w.layout().positions();
        if (placed.isEmpty() && !w.agents().isEmpty()) {
            return LayeredLayout.compute(w);
        }
        Map<String, Point> result = new LinkedHashMap<>();
        int k = 0;
        double maxX = 0;
        double maxY = 0;
        for (Point p : placed.values()) {
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        double gridTop = placed.isEmpty() ? 40 : maxY + HEIGHT + 60;
        for (AgentSpec a : w.agents()) {
            if (!placed.containsKey(a.id())) {
                result.put(a.id(), new Point(40 + (k % 4) * (WIDTH + 80), gridTop + (k / 4) * (HEIGHT + 60)));
                maxX = Math.max(maxX, 40 + (k % 4) * (WIDTH + 80));
                k++;
            }
        }
        if (!placed.containsKey(HandoffSpec.STOP)) {
            result.put(HandoffSpec.STOP, new Point(maxX + WIDTH + 100, 40));
        }
        return result;
    }

    /** Whether two slots at these corners overlap. */
    public static boolean overlap(Point a, Point b) {
        return Math.abs(a.x() - b.x()) < WIDTH && Math.abs(a.y() - b.y()) < HEIGHT;
    }

    /** How many of the positions overlap another one. */
    public static int overlapping(Collection<Point> positions) {
        List<Point> ps = new ArrayList<>(positions);
        boolean[] hit = new boolean[ps.size()];
        int count = 0;
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                if (overlap(ps.get(i), ps.get(j))) {
                    count += (hit[i] ? 0 : 1) + (hit[j] ? 0 : 1);
                    hit[i] = true;
                    hit[j] = true;
                }
            }
        }
        return count;
    }

    /**
     * The same drawing with no two slots overlapping and at least {@link #GAP} between them: scaled up about its
     * centre by the smallest factor that separates every pair, when that is at most {@link #MAX_SCALE} (the shape is
     * kept exactly); otherwise (nodes nearly on top of each other, as routers of one city on a map) each node takes
     * the free cell of a grid of slot-sized cells nearest to where it was, so the drawing keeps its size and rough
     * shape. Positions that do not overlap are returned unchanged.
     */
    public static Map<String, Point> separated(Map<String, Point> positions) {
        if (overlapping(positions.values()) == 0 || positions.size() < 2) {
            return positions;
        }
        double needed = 1;
        List<Point> ps = new ArrayList<>(positions.values());
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                double dx = Math.abs(ps.get(i).x() - ps.get(j).x());
                double dy = Math.abs(ps.get(i).y() - ps.get(j).y());
                if (dx < WIDTH + GAP && dy < HEIGHT + GAP) {
                    double sx = dx == 0 ? Double.MAX_VALUE : (WIDTH + GAP) / dx;
                    double sy = dy == 0 ? Double.MAX_VALUE : (HEIGHT + GAP) / dy;
                    needed = Math.max(needed, Math.min(sx, sy));
                }
            }
        }
        if (needed > MAX_SCALE) { // nodes nearly on top of each other: scaling would blow the drawing up for them
            return onGrid(positions);
        }
        double cx = ps.stream().mapToDouble(Point::x).average().orElse(0);
        double cy = ps.stream().mapToDouble(Point::y).average().orElse(0);
        Map<String, Point> scaled = new LinkedHashMap<>();
        double factor = needed;
        positions.forEach((id, p) -> scaled.put(id, new Point(Math.round(cx + (p.x() - cx) * factor),
                Math.round(cy + (p.y() - cy) * factor))));
        return overlapping(scaled.values()) == 0 ? scaled : onGrid(scaled);
    }

    /** Each node to the free grid cell nearest its position, the nodes nearest the drawing's centre first. */
    private static Map<String, Point> onGrid(Map<String, Point> positions) {
        double cellW = WIDTH + GAP;
        double cellH = HEIGHT + GAP;
        double cx = positions.values().stream().mapToDouble(Point::x).average().orElse(0);
        double cy = positions.values().stream().mapToDouble(Point::y).average().orElse(0);
        List<String> order = new ArrayList<>(positions.keySet());
        order.sort(Comparator.comparingDouble((String id) -> Math.hypot(positions.get(id).x() - cx, positions.get(id).y() - cy))
                .thenComparing(id -> id));
        Set<Long> taken = new HashSet<>();
        Map<String, Point> placed = new LinkedHashMap<>();
        for (String id : order) {
            Point p = positions.get(id);
            double fx = p.x() / cellW;
            double fy = p.y() / cellH;
            long bestCol = 0;
            long bestRow = 0;
            double best = Double.MAX_VALUE;
            for (int r = 0; best == Double.MAX_VALUE || r <= Math.ceil(Math.sqrt(best)) + 1; r++) {
                for (long col = Math.round(fx) - r; col <= Math.round(fx) + r; col++) {
                    for (long row = Math.round(fy) - r; row <= Math.round(fy) + r; row++) {
                        if (Math.max(Math.abs(col - Math.round(fx)), Math.abs(row - Math.round(fy))) != r
                                || taken.contains(key(col, row))) {
                            continue;
                        }
                        double d = (col - fx) * (col - fx) + (row - fy) * (row - fy);
                        if (d < best) {
                            best = d;
                            bestCol = col;
                            bestRow = row;
                        }
                    }
                }
            }
            taken.add(key(bestCol, bestRow));
            placed.put(id, new Point(Math.round(bestCol * cellW), Math.round(bestRow * cellH)));
        }
        Map<String, Point> inOrder = new LinkedHashMap<>();
        positions.keySet().forEach(id -> inOrder.put(id, placed.get(id)));
        return inOrder;
    }

    private static long key(long col, long row) {
        return (col << 32) ^ (row & 0xffffffffL);
    }
}
