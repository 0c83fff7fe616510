package dev.handoff.env.routing;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Hop distances between all routers (breadth-first search, JGraphT) and, for every router and destination, the
 * actions (neighbour positions in the router's action list) that lie on a shortest path.
 */
public final class ShortestPaths {
    private final int n;
    private final int[][] neighbours;
    private final int[][] distance;
    /** [node * n + destination] → actions on a shortest path (empty when node == destination). */
    private final int[][] shortestActions;

    private ShortestPaths(int[][] neighbours) {
        this.n = neighbours.length;
        this.neighbours = neighbours;
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j : neighbours[i]) {
                if (i != j && !g.containsEdge(i, j)) {
                    g.addEdge(i, j);
                }
            }
        }
        distance = new int[n][n];
        BFSShortestPath<Integer, DefaultEdge> bfs = new BFSShortestPath<>(g);
        for (int s = 0; s < n; s++) {
            ShortestPathAlgorithm.SingleSourcePaths<Integer, DefaultEdge> paths = bfs.getPaths(s);
            for (int t = 0; t < n; t++) {
                GraphPath<Integer, DefaultEdge> p = paths.getPath(t);
                distance[s][t] = p == null ? Integer.MAX_VALUE : p.getLength();
            }
        }
        shortestActions = new int[n * n][];
        for (int x = 0; x < n; x++) {
            for (int d = 0; d < n; d++) {
                int count = 0;
                int[] tmp = new int[neighbours[x].length];
                if (x != d && distance[x][d] != Integer.MAX_VALUE) {
                    for (int a = 0; a < neighbours[x].length; a++) {
                        if (distance[neighbours[x][a]][d] == distance[x][d] - 1) {
                            tmp[count++] = a;
                        }
                    }
                }
                shortestActions[x * n + d] = java.util.Arrays.copyOf(tmp, count);
            }
        }
    }

    /** Shortest paths on a network whose router {@code i} has the neighbours {@code neighbours[i]} (its action order). */
    public static ShortestPaths of(int[][] neighbours) {
        return new ShortestPaths(neighbours);
    }

    public static ShortestPaths of(Topology topology) {
        return new ShortestPaths(topology.adjacency());
    }

    public int nodeCount() {
        return n;
    }

    /** Hop distance, or {@link Integer#MAX_VALUE} when {@code to} is unreachable. */
    public int distance(int from, int to) {
        return distance[from][to];
    }

    /** The actions of {@code node} (positions in its neighbour list) on a shortest path to {@code destination}. */
    public int[] shortestActions(int node, int destination) {
        return shortestActions[node * n + destination];
    }

    public int[] neighbours(int node) {
        return neighbours[node];
    }

    /** Every router's neighbours in action order (shared, do not modify). */
    public int[][] neighboursTable() {
        return neighbours;
    }

    /** Mean hop distance over all ordered pairs of distinct routers. */
    public double meanShortestPath() {
        long sum = 0;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                if (s != t) {
                    sum += distance[s][t];
                }
            }
        }
        return (double) sum / ((long) n * (n - 1));
    }

    /**
     * For every router, the expected number of the n(n−1) routes (one per ordered pair s ≠ d) that occupy it — from
     * the source up to but excluding the destination — when each hop is chosen uniformly among the shortest next hops.
     */
    public double[] expectedRoutesThrough() {
        double[] through = new double[n];
        double[] mass = new double[n];
        Integer[] order = new Integer[n];
        for (int d = 0; d < n; d++) {
            final int dest = d;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // farthest first: all mass reaching a router arrives before the router passes it on
            java.util.Arrays.sort(order, (u, v) -> Integer.compare(distance[v][dest], distance[u][dest]));
            for (int s = 0; s < n; s++) {
                if (s == d) {
                    continue;
                }
                java.util.Arrays.fill(mass, 0);
                mass[s] = 1;
                for (int u : order) {
                    if (mass[u] == 0 || u == d) {
                        continue;
                    }
                    through[u] += mass[u];
                    int[] acts = shortestActions(u, d);
                    for (int a : acts) {
                        mass[neighbours[u][a]] += mass[u] / acts.length;
                    }
                }
            }
        }
        return through;
    }
}
