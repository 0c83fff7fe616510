package dev.handoff.env.routing;

import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a {@link RoutingPolicy} in a {@link PacketNetwork} for a stretch of simulated time and summarises it: the
 * baselines' side of the per-load comparison.
 */
public final class RoutingRun {
    private RoutingRun() {
    }

    /**
     * Simulates {@code warmup} time units (not measured), then {@code duration} measured time units.
     * The network must have been {@link PacketNetwork#reset reset}.
     */
    public static Summary run(PacketNetwork network, RoutingPolicy policy, double warmup, double duration) {
        advance(network, policy, network.now() + warmup);
        network.metrics().clear(network.now());
        advance(network, policy, network.now() + duration);
        return summarise(network);
    }

    /** What {@code network}'s metrics recorded since they were last cleared, at its load, with the packets still in flight. */
    public static Summary summarise(PacketNetwork network) {
        RoutingMetrics m = network.metrics();
        return new Summary(network.load(), m.delivered(), m.dropped(), m.meanDeliveryTime(), m.routingAccuracy(),
                network.inFlight());
    }

    /** Runs decisions until simulated time passes {@code until}. */
    public static void advance(PacketNetwork network, RoutingPolicy policy, double until) {
        while (network.now() < until) {
            network.nextDecision();
            network.forward(policy.choose(network));
        }
    }

    /**
     * The baseline at each load of a routing workflow's network (its other parameters as written): one fresh network
     * per load, seeded from {@code seed} and the load's position, {@code warmup} then {@code duration} time units.
     */
    public static List<Summary> sweep(Workflow workflow, double[] loads, Baseline baseline, long seed, double warmup,
                                      double duration) {
        int[][] neighbours = RoutingKind.neighbours(workflow);
        RoutingParameters parameters = RoutingParameters.from(workflow.environment());
        List<Summary> out = new ArrayList<>();
        for (int i = 0; i < loads.length; i++) {
            Rng rng = new Rng(seed + 1_000_003L * i);
            PacketNetwork net = new PacketNetwork(neighbours, loads[i], parameters.maxPacketsInFlight(), parameters.queueLimit(),
                    new RoutingMetrics(Math.max(1, duration / 100)));
            net.reset(rng.split());
            out.add(run(net, baseline.policy(rng.split()), warmup, duration));
        }
        return out;
    }

    /** The routing baselines, by the id a sweep's {@code --algo} names them with. */
    public enum Baseline {
        /** {@link ShortestPathRouting}: static shortest paths, random tie-break. */
        SHORTEST_PATH("shortest-path"),
        /** {@link OracleRouting}: centralised, sees every queue. */
        ORACLE("oracle-router");

        private final String id;

        Baseline(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public RoutingPolicy policy(Rng rng) {
            return this == SHORTEST_PATH ? new ShortestPathRouting(rng) : new OracleRouting(rng);
        }

        /** The baseline with this id, or null. */
        public static Baseline byId(String id) {
            for (Baseline b : values()) {
                if (b.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return b;
                }
            }
            return null;
        }
    }

    /** Per-load result of a measured stretch: delivered/dropped packets, mean delivery time, routing accuracy. */
    public record Summary(double load, long delivered, long dropped, double meanDeliveryTime, double routingAccuracy,
                          int inFlightAtEnd) {
    }
}
