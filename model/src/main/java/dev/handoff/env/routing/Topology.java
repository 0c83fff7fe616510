package dev.handoff.env.routing;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A communication network for the routing kind: routers (nodes, in a fixed order that becomes the agent order) and
 * undirected links between them. Positions are the file's coordinates (unit square for {@code .net}, longitude/latitude
 * for GraphML) or null where the file has none.
 */
public record Topology(String name, List<Node> nodes, List<Link> links) {

    /** One router: its id in the source file, a human name, and its position (both null when unknown). */
    public record Node(String id, String name, Double x, Double y) {
        public boolean hasPosition() {
            return x != null && y != null;
        }
    }

    /** An undirected link between node indices {@code a < b}. */
    public record Link(int a, int b) {
        public Link {
            if (a == b) {
                throw new IllegalArgumentException("self loop at node " + a);
            }
            if (a > b) {
                int t = a;
                a = b;
                b = t;
            }
        }
    }

    public Topology {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        for (Link l : links) {
            if (l.b() >= nodes.size()) {
                throw new IllegalArgumentException("link " + l + " names a node outside 0.." + (nodes.size() - 1));
            }
        }
    }

    /** Reads a Boyan–Littman {@code .net} file or a GraphML file, chosen by the file name's extension. */
    public static Topology read(Path file) throws IOException {
        String f = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (f.endsWith(".net")) {
            return NetFileReader.read(file);
        }
        if (f.endsWith(".graphml") || f.endsWith(".xml")) {
            return GraphmlReader.read(file);
        }
        throw dev.handoff.input.InputException.of(file.toString(), "unknown topology format (expected a .net or .graphml file)");
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int linkCount() {
        return links.size();
    }

    /** Neighbours of every node, each list in link order (the order the node's handoffs are written in). */
    public int[][] adjacency() {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            adj.add(new ArrayList<>());
        }
        for (Link l : links) {
            adj.get(l.a()).add(l.b());
            adj.get(l.b()).add(l.a());
        }
        int[][] out = new int[nodes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The network as a JGraphT simple graph on node indices. */
    public Graph<Integer, DefaultEdge> graph() {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < nodes.size(); i++) {
            g.addVertex(i);
        }
        for (Link l : links) {
            g.addEdge(l.a(), l.b());
        }
        return g;
    }
}
