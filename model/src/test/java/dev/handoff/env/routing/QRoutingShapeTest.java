package dev.handoff.env.routing;

import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boyan &amp; Littman's Q-routing, written inline on the packet network (the tabular IC-Q learner replaces it once it
 * lands): Q_x(d, y) += η (q + s + min_z Q_y(d, z) − Q_x(d, y)), estimates start at 0, exact ties broken at random.
 */
class QRoutingShapeTest {

    /** Q-routing as a policy that learns from every forward it makes. */
    static final class QRouting implements RoutingPolicy {
        final int n;
        final int[][] nb;
        final double[][] q; // [x][d * degree + a] estimated remaining time
        final double eta;
        final Rng rng;

        QRouting(int[][] neighbours, double eta, Rng rng) {
            this.n = neighbours.length;
            this.nb = neighbours;
            this.eta = eta;
            this.rng = rng;
            q = new double[n][];
            for (int x = 0; x < n; x++) {
                q[x] = new double[n * nb[x].length];
            }
        }

        double best(int x, int d) {
            int k = nb[x].length;
            double m = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                m = Math.min(m, q[x][d * k + a]);
            }
            return m;
        }

        @Override
        public int choose(PacketNetwork net) {
            int x = net.currentRouter();
            int d = net.currentDestination();
            int k = nb[x].length;
            int best = 0;
            int ties = 0;
            double bestQ = Double.POSITIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double v = q[x][d * k + a];
                if (v < bestQ) {
                    bestQ = v;
                    best = a;
                    ties = 1;
                } else if (v == bestQ && rng.nextInt(++ties) == 0) {
                    best = a;
                }
            }
            return best;
        }

        void learn(int x, int d, int a, double tau) {
            int y = nb[x][a];
            double t = y == d ? 0 : best(y, d);
            int k = nb[x].length;
            q[x][d * k + a] += eta * (tau + t - q[x][d * k + a]);
        }
    }

    static RoutingRun.Summary runQRouting(PacketNetwork net, QRouting qr, double train, double measure) {
        advanceLearning(net, qr, net.now() + train);
        net.metrics().clear(net.now());
        advanceLearning(net, qr, net.now() + measure);
        RoutingMetrics m = net.metrics();
        return new RoutingRun.Summary(net.load(), m.delivered(), m.dropped(), m.meanDeliveryTime(), m.routingAccuracy(),
                net.inFlight());
    }

    static void advanceLearning(PacketNetwork net, QRouting qr, double until) {
        while (net.now() < until) {
            int x = net.nextDecision();
            int d = net.currentDestination();
            int a = qr.choose(net);
            net.forward(a);
            qr.learn(x, d, a, net.lastTau());
        }
    }

    static PacketNetwork sixBySix(double load, long seed) throws IOException {
        PacketNetwork net = new PacketNetwork(Topology.read(RoutingData.sixBySix()).adjacency(), load, 1000, 1000,
                new RoutingMetrics(100));
        net.reset(new Rng(seed));
        return net;
    }

    @Test
    void trainedQRoutingIsWithin15PercentOfShortestPathsAtLowLoad() throws IOException {
        // single runs differ (Q-routing without exploration can settle on a slightly long route): average five seeds
        double spSum = 0;
        double qSum = 0;
        for (int seed = 1; seed <= 5; seed++) {
            RoutingRun.Summary sp = RoutingRun.run(sixBySix(0.5, seed), new ShortestPathRouting(new Rng(100 + seed)),
                    1000, 10000);
            PacketNetwork net = sixBySix(0.5, seed);
            RoutingRun.Summary q = runQRouting(net, new QRouting(net.shortestPaths().neighboursTable(), 0.5,
                    new Rng(100 + seed)), 10000, 10000);
            assertThat(sp.meanDeliveryTime()).isCloseTo(4.9, org.assertj.core.api.Assertions.within(0.3));
            assertThat(q.dropped()).isZero();
            spSum += sp.meanDeliveryTime();
            qSum += q.meanDeliveryTime();
        }
        assertThat(qSum / 5).isLessThanOrEqualTo(1.15 * spSum / 5);
    }

    @Test
    void atHighLoadShortestPathsExplodeWhileQRoutingStaysBounded() throws IOException {
        double low = RoutingRun.run(sixBySix(0.5, 4), new ShortestPathRouting(new Rng(5)), 1000, 5000)
                .meanDeliveryTime();
        for (double load : new double[] {3.0, 3.5}) {
            RoutingRun.Summary sp = RoutingRun.run(sixBySix(load, 6), new ShortestPathRouting(new Rng(7)), 2000, 5000);
            PacketNetwork net = sixBySix(load, 6);
            RoutingRun.Summary q = runQRouting(net, new QRouting(net.shortestPaths().neighboursTable(), 0.5,
                    new Rng(8)), 10000, 5000);
            assertThat(sp.meanDeliveryTime()).as("shortest paths at load %s", load).isGreaterThan(20 * low);
            assertThat(q.meanDeliveryTime()).as("Q-routing at load %s", load).isLessThan(4 * low);
            assertThat(q.dropped()).as("Q-routing drops at load %s", load).isZero();
            // Q-routing leaves shortest paths to spread the load (towards the top row)
            assertThat(q.routingAccuracy()).isLessThan(0.95);
        }
    }
}
