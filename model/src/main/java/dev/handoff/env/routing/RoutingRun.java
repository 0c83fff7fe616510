package dev.handoff.env.routing;

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

    /** Per-load result of a measured stretch: delivered/dropped packets, mean delivery time, routing accuracy. */
    public record Summary(double load, long delivered, long dropped, double meanDeliveryTime, double routingAccuracy,
                          int inFlightAtEnd) {
    }
}
