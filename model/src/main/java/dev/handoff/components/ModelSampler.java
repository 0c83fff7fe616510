package dev.handoff.components;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.FiniteSmdp.SparseRow;
import dev.handoff.util.Rng;

/**
 * Draws transitions from a finite IC-SMDP under a behaviour policy: a state from the occupancy μ, an action from
 * b(·|σ(s)), and one step of the model, s' from the undiscounted next-epoch law (STOP followed by the reset). Each
 * step also yields the expected option reward R(s,a) and the discount weight d = K(s'|s,a)/P(s'|s,a), so that
 * R + d·max Q(σ(s'),·) is an unbiased sample of the Bellman target (d = 0 after STOP, whose terminal reward R holds).
 */
public final class ModelSampler {
    private final FiniteSmdp smdp;
    private final double[] muCumulative;
    private final double[][] behaviourCumulative;
    private final int[][][] nextIndex;
    private final double[][][] nextCumulative;
    private final double[][][] discountWeight;
    private double lastDiscount;

    public ModelSampler(FiniteSmdp smdp, double[] stateOccupancy, double[][] behaviour) {
        this.smdp = smdp;
        this.muCumulative = cumulative(stateOccupancy);
        this.behaviourCumulative = new double[behaviour.length][];
        for (int z = 0; z < behaviour.length; z++) {
            behaviourCumulative[z] = cumulative(behaviour[z]);
        }
        int n = smdp.stateCount();
        nextIndex = new int[n][][];
        nextCumulative = new double[n][][];
        discountWeight = new double[n][][];
        for (int s = 0; s < n; s++) {
            int actions = smdp.actionCount(s);
            nextIndex[s] = new int[actions][];
            nextCumulative[s] = new double[actions][];
            discountWeight[s] = new double[actions][];
            for (int a = 0; a < actions; a++) {
                SparseRow next = smdp.next()[s][a];
                SparseRow kernel = smdp.kernel()[s][a];
                nextIndex[s][a] = next.index();
                nextCumulative[s][a] = cumulative(next.weight());
                double[] d = new double[next.index().length];
                int k = 0;
                for (int e = 0; e < d.length; e++) {
                    int target = next.index()[e];
                    while (k < kernel.index().length && kernel.index()[k] < target) {
                        k++;
                    }
                    if (k < kernel.index().length && kernel.index()[k] == target && next.weight()[e] > 0) {
                        d[e] = kernel.weight()[k] / next.weight()[e];
                    }
                }
                discountWeight[s][a] = d;
            }
        }
    }

    private static double[] cumulative(double[] p) {
        double[] c = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int draw(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** s ~ μ. */
    public int stationaryState(Rng rng) {
        return draw(muCumulative, rng.nextDouble());
    }

    /** a ~ b(·|σ(s)). */
    public int behaviourAction(int state, Rng rng) {
        return draw(behaviourCumulative[smdp.viewOf()[state]], rng.nextDouble());
    }

    /** One step of the model from (s, a): returns s' and sets {@link #lastDiscount()}. */
    public int step(int state, int action, Rng rng) {
        int e = draw(nextCumulative[state][action], rng.nextDouble());
        lastDiscount = discountWeight[state][action][e];
        return nextIndex[state][action][e];
    }

    /** d = K(s'|s,a)/P(s'|s,a) of the last step (E[γ^τ] for a handoff, 0 after STOP). */
    public double lastDiscount() {
        return lastDiscount;
    }

    /** E[R | s, a] (with the discounted terminal reward folded in on STOP). */
    public double reward(int state, int action) {
        return smdp.reward()[state][action];
    }

    public FiniteSmdp smdp() {
        return smdp;
    }
}
