package dev.handoff.env.routing;

import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PacketNetworkTest {

    static int[][] sixBySix() throws IOException {
        return Topology.read(RoutingData.sixBySix()).adjacency();
    }

    static PacketNetwork network(double load, long seed) throws IOException {
        PacketNetwork net = new PacketNetwork(sixBySix(), load, 1000, 1000, new RoutingMetrics(100));
        net.reset(new Rng(seed));
        return net;
    }

    @Test
    void idleNetworkDeliversInExactlyOneTimeUnitPerHop() throws IOException {
        PacketNetwork net = network(0.02, 1);
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(2));
        int delivered = 0;
        int oneUnitPerHop = 0;
        while (delivered < 1000) {
            net.nextDecision();
            net.forward(sp.choose(net));
            if (net.lastDelivered()) {
                delivered++;
                assertThat(net.lastDeliveryTime()).isGreaterThanOrEqualTo(net.lastHops() - 1e-9);
                if (Math.abs(net.lastDeliveryTime() - net.lastHops()) < 1e-9) {
                    oneUnitPerHop++;
                }
            }
        }
        // at this load a packet almost never meets another one in a queue
        assertThat(oneUnitPerHop).isGreaterThan(950);
        assertThat(net.metrics().routingAccuracy()).isEqualTo(1.0);
        assertThat(net.metrics().meanDeliveryTime()).isCloseTo(4.83, within(0.3));
    }

    @Test
    void shortestPathDeliveryTimeAtLoadHalfIsAbout4Point9() throws IOException {
        RoutingRun.Summary s = RoutingRun.run(network(0.5, 3), new ShortestPathRouting(new Rng(4)), 1000, 20000);
        assertThat(s.meanDeliveryTime()).isCloseTo(4.9, within(0.3));
        assertThat(s.routingAccuracy()).isEqualTo(1.0);
        assertThat(s.dropped()).isZero();
        assertThat(s.delivered()).isBetween(9000L, 11000L);
    }

    @Test
    void eachRouterForwardsAtMostOnePacketPerTimeUnitInArrivalOrder() throws IOException {
        PacketNetwork net = network(3.0, 5);
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(6));
        double[] lastQueuedDeparture = new double[36];
        double[] lastQueuedArrival = new double[36];
        java.util.Arrays.fill(lastQueuedDeparture, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(lastQueuedArrival, Double.NEGATIVE_INFINITY);
        int queuedDecisions = 0;
        int waited = 0;
        for (int i = 0; i < 200_000; i++) {
            int x = net.nextDecision();
            boolean injectedNow = net.currentHops() == 0;
            if (!injectedNow) {
                assertThat(net.now() - lastQueuedDeparture[x]).isGreaterThanOrEqualTo(1.0 - 1e-9);
                // FIFO: packets leave a router in the order they arrived at it
                double arrival = net.now() - net.currentWait();
                assertThat(arrival).isGreaterThanOrEqualTo(lastQueuedArrival[x]);
                lastQueuedArrival[x] = arrival;
                lastQueuedDeparture[x] = net.now();
                queuedDecisions++;
                if (net.currentWait() > 0) {
                    waited++;
                }
            } else {
                assertThat(net.currentWait()).isZero();
            }
            net.forward(sp.choose(net));
            assertThat(net.lastTau()).isGreaterThanOrEqualTo(1.0 - 1e-9);
        }
        assertThat(queuedDecisions).isGreaterThan(100_000);
        assertThat(waited).isGreaterThan(10_000);
    }

    @Test
    void shortestPathsCongestAtHighLoadWhileTheQueueAwareOracleDoesNot() throws IOException {
        RoutingRun.Summary low = RoutingRun.run(network(0.5, 7), new ShortestPathRouting(new Rng(8)), 500, 5000);
        RoutingRun.Summary spHigh = RoutingRun.run(network(3.0, 9), new ShortestPathRouting(new Rng(10)), 2000, 3000);
        RoutingRun.Summary oracleHigh = RoutingRun.run(network(3.0, 9), new OracleRouting(new Rng(11)), 2000, 3000);
        assertThat(spHigh.meanDeliveryTime()).isGreaterThan(10 * low.meanDeliveryTime());
        assertThat(oracleHigh.meanDeliveryTime()).isLessThan(spHigh.meanDeliveryTime() / 5);
        assertThat(oracleHigh.routingAccuracy()).isLessThan(1.0);
    }

    @Test
    void injectionsBeyondThePacketLimitAreDropped() throws IOException {
        PacketNetwork net = new PacketNetwork(sixBySix(), 3.5, 50, 1000, new RoutingMetrics(100));
        net.reset(new Rng(12));
        RoutingRun.Summary s = RoutingRun.run(net, new ShortestPathRouting(new Rng(13)), 100, 2000);
        assertThat(s.dropped()).isPositive();
        assertThat(net.inFlight()).isLessThanOrEqualTo(50);
        assertThat(s.delivered() + s.dropped()).isGreaterThan(6000);
    }

    @Test
    void steadyStateForwardingAllocatesNothing() throws IOException {
        PacketNetwork net = network(2.0, 14);
        ShortestPathRouting sp = new ShortestPathRouting(new Rng(15));
        RoutingRun.advance(net, sp, 2000); // warm up: metric windows grow here
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200_000; i++) {
            net.nextDecision();
            net.forward(sp.choose(net));
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // only the metric windows may grow (a few arrays per doubling of simulated time)
        assertThat(allocated).isLessThan(64 * 1024);
    }

    @Test
    void timeSeriesWindowsAddUpToTheTotalsOverALongCongestedRun() throws IOException {
        PacketNetwork net = new PacketNetwork(sixBySix(), 3.5, 100, 1000, new RoutingMetrics(10));
        net.reset(new Rng(16));
        RoutingRun.Summary s = RoutingRun.run(net, new ShortestPathRouting(new Rng(17)), 50, 3000);
        RoutingMetrics.Series series = net.metrics().series();
        assertThat(series.time().length).isBetween(300, 301);
        long delivered = 0;
        long dropped = 0;
        double timeSum = 0;
        for (int w = 0; w < series.time().length; w++) {
            delivered += series.delivered()[w];
            dropped += series.dropped()[w];
            if (series.delivered()[w] > 0) {
                timeSum += series.meanDeliveryTime()[w] * series.delivered()[w];
            }
        }
        assertThat(delivered).isEqualTo(s.delivered());
        assertThat(dropped).isEqualTo(s.dropped()).isPositive();
        assertThat(timeSum / delivered).isCloseTo(s.meanDeliveryTime(), within(1e-9));
    }

    @Test
    void baselineSweepOverLoadsShowsShortestPathsSaturatingAndTheOracleNot() throws IOException {
        dev.handoff.workflow.Workflow w = RoutingWorkflows.sixBySix(RoutingData.file(""));
        double[] loads = {0.5, 1.5, 3.0};
        java.util.List<RoutingRun.Summary> sp = RoutingRun.sweep(w, loads, RoutingRun.Baseline.SHORTEST_PATH, 1, 500,
                3000);
        java.util.List<RoutingRun.Summary> oracle = RoutingRun.sweep(w, loads, RoutingRun.Baseline.byId("oracle-router"),
                1, 500, 3000);
        assertThat(sp).extracting(RoutingRun.Summary::load).containsExactly(0.5, 1.5, 3.0);
        assertThat(sp.get(0).meanDeliveryTime()).isCloseTo(4.9, within(0.3));
        assertThat(sp.get(1).meanDeliveryTime()).isBetween(sp.get(0).meanDeliveryTime(), 8.0);
        assertThat(sp.get(2).meanDeliveryTime()).isGreaterThan(50);
        for (int i = 0; i < loads.length; i++) {
            assertThat(oracle.get(i).meanDeliveryTime()).isLessThanOrEqualTo(sp.get(i).meanDeliveryTime() * 1.02);
        }
        assertThat(oracle.get(2).meanDeliveryTime()).isLessThan(15);
    }
}
