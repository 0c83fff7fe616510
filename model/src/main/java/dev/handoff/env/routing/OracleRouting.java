package dev.handoff.env.routing;

import dev.handoff.util.Rng;

/**
 * The centralised oracle router: it sees every router's backlog and sends the packet to the neighbour with the shortest
 * expected remaining delay given the current queues, D(dest) = 0 and D(v) = backlog(v) + 1 + min over neighbours D
 * (Dijkstra from the destination with per-router cost 1 + queue length). Ties are broken uniformly at random.
 */
public final class OracleRouting implements RoutingPolicy {
    private final Rng rng;
    private double[] delay = new double[0];
    private boolean[] done = new boolean[0];

    public OracleRouting(Rng rng) {
        this.rng = rng;
    }

    @Override
    public int choose(PacketNetwork network) {
        int n = network.routerCount();
        if (delay.length != n) {
            delay = new double[n];
            done = new boolean[n];
        }
        int dest = network.currentDestination();
        remainingDelays(network, dest, delay, done);
        int x = network.currentRouter();
        int[] nb = network.neighbours(x);
        int best = -1;
        int ties = 0;
        double bestDelay = Double.POSITIVE_INFINITY;
        for (int a = 0; a < nb.length; a++) {
            double d = delay[nb[a]];
            if (d < bestDelay) {
                bestDelay = d;
                best = a;
                ties = 1;
            } else if (d == bestDelay && rng.nextInt(++ties) == 0) {
                best = a;
            }
        }
        return best;
    }

    /** Expected remaining delay from arriving at each router to delivery at {@code dest}, O(n²) Dijkstra. */
    static void remainingDelays(PacketNetwork network, int dest, double[] delay, boolean[] done) {
        int n = network.routerCount();
        java.util.Arrays.fill(delay, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(done, false);
        delay[dest] = 0;
        for (int round = 0; round < n; round++) {
            int u = -1;
            for (int v = 0; v < n; v++) {
                if (!done[v] && (u < 0 || delay[v] < delay[u])) {
                    u = v;
                }
            }
            if (u < 0 || delay[u] == Double.POSITIVE_INFINITY) {
                break;
            }
            done[u] = true;
            for (int v : network.neighbours(u)) {
                if (!done[v]) {
                    double through = network.backlog(v) * PacketNetwork.SERVICE + PacketNetwork.TRANSIT + delay[u];
                    if (through < delay[v]) {
                        delay[v] = through;
                    }
                }
            }
        }
    }
}
