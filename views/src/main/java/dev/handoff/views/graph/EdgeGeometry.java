package dev.handoff.views.graph;

import java.util.List;

/**
 * The drawn route of one handoff: a quadratic curve from the source's border to the target's border. A straight line
 * when nothing is in the way; otherwise bowed to the side that misses the other nodes (and, for a pair of opposite
 * handoffs, each to its own side so both stay visible).
 */
record EdgeGeometry(double x0, double y0, double cx, double cy, double x1, double y1) {

    /** A node's drawn rectangle. */
    record Box(String id, double x, double y, double w, double h) {
        double centreX() {
            return x + w / 2;
        }

        double centreY() {
            return y + h / 2;
        }

        boolean contains(double px, double py, double pad) {
            return px > x - pad && px < x + w + pad && py > y - pad && py < y + h + pad;
        }
    }

    static EdgeGeometry route(Box from, Box to, List<Box> boxes, boolean hasReverse) {
        double ax = from.centreX();
        double ay = from.centreY();
        double bx = to.centreX();
        double by = to.centreY();
        double dx = bx - ax;
        double dy = by - ay;
        double len = Math.max(1, Math.hypot(dx, dy));
        double nx = dy / len;
        double ny = -dx / len;
        double base = Math.max(36, Math.min(160, 0.28 * len));
        double[] bows = hasReverse ? new double[]{base * 0.6, base, base * 1.6, base * 2.2}
                : new double[]{0, base, -base, base * 1.7, -base * 1.7, base * 2.4};
        double chosen = bows[0];
        for (double bow : bows) {
            double cx = (ax + bx) / 2 + nx * bow;
            double cy = (ay + by) / 2 + ny * bow;
            if (!hits(ax, ay, cx, cy, bx, by, from, to, boxes)) {
                chosen = bow;
                break;
            }
        }
        double cx = (ax + bx) / 2 + nx * chosen;
        double cy = (ay + by) / 2 + ny * chosen;
        double[] start = border(from, cx, cy);
        double[] end = border(to, cx, cy);
        return new EdgeGeometry(start[0], start[1], cx, cy, end[0], end[1]);
    }

    private static boolean hits(double ax, double ay, double cx, double cy, double bx, double by, Box from, Box to, List<Box> boxes) {
        for (int i = 1; i < 24; i++) {
            double t = i / 24.0;
            double u = 1 - t;
            double px = u * u * ax + 2 * u * t * cx + t * t * bx;
            double py = u * u * ay + 2 * u * t * cy + t * t * by;
            for (Box b : boxes) {
                if (b != from && b != to && b.contains(px, py, 10)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the ray from the box's centre towards (tx, ty) leaves the box. */
    private static double[] border(Box b, double tx, double ty) {
        double cx = b.centreX();
        double cy = b.centreY();
        double dx = tx - cx;
        double dy = ty - cy;
        if (dx == 0 && dy == 0) {
            return new double[]{cx, cy};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (b.w() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (b.h() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[]{cx + dx * s, cy + dy * s};
    }

    /** Angle (radians) of the curve as it arrives at the target. */
    double arrivalAngle() {
        return Math.atan2(y1 - cy, x1 - cx);
    }

    double midX() {
        return 0.25 * x0 + 0.5 * cx + 0.25 * x1;
    }

    double midY() {
        return 0.25 * y0 + 0.5 * cy + 0.25 * y1;
    }
}
