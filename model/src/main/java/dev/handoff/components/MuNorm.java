package dev.handoff.components;

import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;

/**
 * The μ-weighted norms of ICQ.md §4 (absolute, not scaled by a span): on views with weights μ(z)·b(a|z), and on joint
 * states with weights μ(s)·b(a|σ(s)) for comparisons with Q*. For a view table f, ‖f∘σ‖ on states equals ‖f‖ on views,
 * so the components add up under the triangle inequality.
 */
public final class MuNorm {
    private MuNorm() {
    }

    /** ‖A − B‖_μ over views. */
    public static double betweenViews(ExactAnalysis exact, double[][] a, double[][] b) {
        double[] mu = exact.occupancy().view();
        double[][] beh = exact.behaviour();
        double sum = 0;
        for (int z = 0; z < mu.length; z++) {
            if (mu[z] == 0) {
                continue;
            }
            for (int k = 0; k < beh[z].length; k++) {
                double d = a[z][k] - b[z][k];
                sum += mu[z] * beh[z][k] * d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** ‖Q∘σ − Q*‖_μ over joint states. */
    public static double toOracle(ExactAnalysis exact, double[][] viewTable) {
        FiniteSmdp m = exact.smdp();
        double[] mu = exact.occupancy().state();
        double[][] qStar = exact.oracle().q();
        double[][] beh = exact.behaviour();
        double sum = 0;
        for (int s = 0; s < mu.length; s++) {
            int z = m.viewOf()[s];
            for (int k = 0; k < qStar[s].length; k++) {
                double d = viewTable[z][k] - qStar[s][k];
                sum += mu[s] * beh[z][k] * d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** span(Q̂) over the views that hold a joint state: the scale of the relative metric of ICQ.md §5. */
    public static double spanOfInterfaceFixedPoint(ExactAnalysis exact) {
        double[][] qHat = exact.interfaceFixedPoint().q();
        boolean[] has = new boolean[qHat.length];
        for (int z : exact.smdp().viewOf()) {
            has[z] = true;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int z = 0; z < qHat.length; z++) {
            if (has[z]) {
                for (double q : qHat[z]) {
                    max = Math.max(max, q);
                    min = Math.min(min, q);
                }
            }
        }
        return max - min;
    }
}
