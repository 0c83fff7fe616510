package dev.handoff.env.routing;

import dev.handoff.util.Rng;

/** The static baseline: forward on a shortest path (in hops), choosing uniformly at random among shortest next hops. */
public final class ShortestPathRouting implements RoutingPolicy {
    private final Rng rng;

    public ShortestPathRouting(Rng rng) {
        this.rng = rng;
    }

    @Override
    public int choose(PacketNetwork network) {
        int[] acts = network.shortestPaths().shortestActions(network.currentRouter(), network.currentDestination());
        return acts.length == 1 ? acts[0] : acts[rng.nextInt(acts.length)];
    }
}
