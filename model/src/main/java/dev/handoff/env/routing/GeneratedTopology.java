package dev.handoff.env.routing;

import dev.handoff.util.Rng;
import org.jgrapht.alg.util.UnionFind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reproducible random router networks of any size, for measuring how routing scales (issue 16.3) where no real network
 * that large ships: routers placed uniformly in the unit square, each linked to its {@code k} nearest routers (a sparse,
 * planar-looking mesh like a backbone's), and any pieces left apart joined by their closest pair, so every router can
 * reach every other.
 */
public final class GeneratedTopology {
    private GeneratedTopology() {
    }

    /** {@code routers} routers, each linked to its {@code k} nearest, positions drawn from {@code seed}. */
    public static Topology nearestNeighbours(int routers, int k, long seed) {
        if (routers < 2 || k < 1) {
            throw new IllegalArgumentException("need at least 2 routers and k ≥ 1, got " + routers + " and " + k);
        }
        Rng rng = new Rng(seed);
        double[] x = new double[routers];
        double[] y = new double[routers];
        List<Topology.Node> nodes = new ArrayList<>();
        for (int i = 0; i < routers; i++) {
            x[i] = rng.nextDouble();
            y[i] = rng.nextDouble();
            nodes.add(new Topology.Node("r" + i, "Router " + i, x[i], y[i]));
        }
        Set<Topology.Link> links = new LinkedHashSet<>();
        for (int i = 0; i < routers; i++) {
            int from = i;
            IntStream.range(0, routers).filter(j -> j != from).boxed()
                    .sorted((a, b) -> Double.compare(distance(x, y, from, a), distance(x, y, from, b)))
                    .limit(k).forEach(j -> links.add(new Topology.Link(from, j)));
        }
        UnionFind<Integer> pieces = new UnionFind<>(new LinkedHashSet<>(IntStream.range(0, routers).boxed().toList()));
        links.forEach(l -> pieces.union(l.a(), l.b()));
        while (pieces.numberOfSets() > 1) {
            Topology.Link closest = closestPairBetweenPieces(x, y, pieces);
            links.add(closest);
            pieces.union(closest.a(), closest.b());
        }
        return new Topology("generated-" + routers, nodes, new ArrayList<>(links));
    }

    /** The closest pair of routers with one in router 0's piece and the other outside it. */
    private static Topology.Link closestPairBetweenPieces(double[] x, double[] y, UnionFind<Integer> pieces) {
        int n = x.length;
        boolean[] inFirst = new boolean[n];
        int first = pieces.find(0);
        for (int a = 0; a < n; a++) {
            inFirst[a] = pieces.find(a) == first;
        }
        int bestA = -1;
        int bestB = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            for (int b = 0; inFirst[a] && b < n; b++) {
                if (!inFirst[b] && distance(x, y, a, b) < best) {
                    best = distance(x, y, a, b);
                    bestA = a;
                    bestB = b;
                }
            }
        }
        return new Topology.Link(bestA, bestB);
    }

    private static double distance(double[] x, double[] y, int a, int b) {
        double dx = x[a] - x[b];
        double dy = y[a] - y[b];
        return dx * dx + dy * dy;
    }
}
