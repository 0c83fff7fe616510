package dev.handoff.workflow.edit;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Layout.Point;
import dev.handoff.workflow.Workflow;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered (Sugiyama-style) layout of the handoff graph on a JGraphT graph: cycles broken by reversing DFS back edges,
 * (for networks whose handoffs mostly come in opposite pairs, edges oriented by hop distance instead),
 * longest-path layers flowing left to right, barycentre ordering inside layers, and, when there are many layers,
 * the layers wrapped into rows that run back and forth so the drawing keeps a screen-like aspect. Every node gets its
 * own grid slot, so nodes never overlap. STOP is laid out like any node (after its predecessors).
 */
public final class LayeredLayout {
    /** Size of the slot one node occupies; the canvas draws nodes no larger than this. */
    public static final double NODE_WIDTH = 172;
    public static final double NODE_HEIGHT = 60;
    static final double LAYER_GAP = 96;
    static final double NODE_GAP = 40;
    static final double ROW_GAP = 100;
    static final double MARGIN = 40;
    static final double TARGET_ASPECT = 1.6;
    /** Short chains stay on one row: wrapping only pays off when each row still shows a few layers. */
    static final int MIN_COLUMNS_WHEN_WRAPPED = 4;

    private LayeredLayout() {
    }

    /** Top-left corner of every node (agents and STOP), keyed by node id. */
    public static Map<String, Point> compute(Workflow w) {
        List<String> nodes = new ArrayList<>();
        w.agents().stream().map(AgentSpec::id).forEach(nodes::add);
        nodes.add(HandoffSpec.STOP);
        Map<String, Integer> docOrder = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            docOrder.put(nodes.get(i), i);
        }
        Map<String, List<String>> out = new HashMap<>();
        nodes.forEach(n -> out.put(n, new ArrayList<>()));
        for (HandoffSpec h : w.handoffs()) {
            if (out.containsKey(h.from()) && out.containsKey(h.to()) && !h.from().equals(h.to())) {
                out.get(h.from()).add(h.to());
            }
        }

        Graph<String, DefaultEdge> dag = mostlySymmetric(out) ? orientedByDistance(nodes, out) : acyclic(nodes, out);
        Map<String, Integer> layer = longestPathLayers(dag, docOrder);
        int maxLayer = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (dag.inDegreeOf(HandoffSpec.STOP) == 0 && nodes.size() > 1) {
            layer.put(HandoffSpec.STOP, maxLayer + 1);
            maxLayer++;
        }
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i <= maxLayer; i++) {
            layers.add(new ArrayList<>());
        }
        for (String n : nodes) {
            layers.get(layer.get(n)).add(n);
        }
        layers.removeIf(List::isEmpty);
        orderByBarycentre(layers, dag);
        return place(layers);
    }

    /**
     * True when most handoffs come in opposite pairs (a network such as routing, rather than a pipeline): there the
     * layers follow hop distance instead of a depth-first chain.
     */
    static boolean mostlySymmetric(Map<String, List<String>> out) {
        int edges = 0;
        int paired = 0;
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            for (String t : e.getValue()) {
                edges++;
                if (out.containsKey(t) && out.get(t).contains(e.getKey())) {
                    paired++;
                }
            }
        }
        return edges > 0 && paired * 2 > edges;
    }

    /**
     * Orients every edge from the node nearer (in hops, breadth-first from the first agents in document order, edges
     * taken both ways) to the farther one, ties by document order: acyclic by construction. STOP stays a sink.
     */
    private static Graph<String, DefaultEdge> orientedByDistance(List<String> nodes, Map<String, List<String>> out) {
        Map<String, List<String>> both = new HashMap<>();
        nodes.forEach(n -> both.put(n, new ArrayList<>()));
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            for (String t : e.getValue()) {
                if (!HandoffSpec.STOP.equals(t) && !HandoffSpec.STOP.equals(e.getKey())) {
                    both.get(e.getKey()).add(t);
                    both.get(t).add(e.getKey());
                }
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        for (String root : nodes) {
            if (HandoffSpec.STOP.equals(root) || depth.containsKey(root)) {
                continue;
            }
            depth.put(root, 0);
            queue.add(root);
            while (!queue.isEmpty()) {
                String v = queue.poll();
                for (String t : both.get(v)) {
                    if (!depth.containsKey(t)) {
                        depth.put(t, depth.get(v) + 1);
                        queue.add(t);
                    }
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        Comparator<String> order = Comparator.<String>comparingInt(n -> HandoffSpec.STOP.equals(n) ? Integer.MAX_VALUE : depth.get(n))
                .thenComparingInt(index::get);
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        nodes.forEach(g::addVertex);
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            for (String t : e.getValue()) {
                String a = e.getKey();
                boolean forward = order.compare(a, t) < 0;
                String from = forward ? a : t;
                String to = forward ? t : a;
                if (!g.containsEdge(from, to)) {
                    g.addEdge(from, to);
                }
            }
        }
        return g;
    }

    /** Copies the graph, reversing each edge that closes a cycle in a depth-first search taken in document order. */
    private static Graph<String, DefaultEdge> acyclic(List<String> nodes, Map<String, List<String>> out) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        nodes.forEach(g::addVertex);
        Set<String> done = new HashSet<>();
        Set<String> onStack = new HashSet<>();
        for (String root : nodes) {
            if (!done.contains(root)) {
                dfs(root, out, done, onStack, g);
            }
        }
        return g;
    }

    private static void dfs(String v, Map<String, List<String>> out, Set<String> done, Set<String> onStack,
                            Graph<String, DefaultEdge> g) {
        onStack.add(v);
        for (String t : out.get(v)) {
            if (onStack.contains(t)) {
                if (!g.containsEdge(v, t)) {
                    g.addEdge(t, v);
                }
            } else {
                if (!g.containsEdge(t, v)) {
                    g.addEdge(v, t);
                }
                if (!done.contains(t)) {
                    dfs(t, out, done, onStack, g);
                }
            }
        }
        onStack.remove(v);
        done.add(v);
    }

    private static Map<String, Integer> longestPathLayers(Graph<String, DefaultEdge> dag, Map<String, Integer> docOrder) {
        Map<String, Integer> layer = new HashMap<>();
        TopologicalOrderIterator<String, DefaultEdge> it =
                new TopologicalOrderIterator<>(dag, Comparator.comparing(docOrder::get));
        while (it.hasNext()) {
            String v = it.next();
            int l = 0;
            for (DefaultEdge e : dag.incomingEdgesOf(v)) {
                l = Math.max(l, layer.get(dag.getEdgeSource(e)) + 1);
            }
            layer.put(v, l);
        }
        return layer;
    }

    /** A few down and up sweeps ordering each layer by the mean position of its neighbours in the previous layer. */
    private static void orderByBarycentre(List<List<String>> layers, Graph<String, DefaultEdge> dag) {
        for (int sweep = 0; sweep < 4; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < layers.size(); k++) {
                int li = down ? k : layers.size() - 1 - k;
                List<String> fixed = layers.get(down ? li - 1 : li + 1);
                List<String> free = layers.get(li);
                Map<String, Double> bary = new HashMap<>();
                for (int i = 0; i < free.size(); i++) {
                    String v = free.get(i);
                    double sum = 0;
                    int n = 0;
                    for (int j = 0; j < fixed.size(); j++) {
                        String u = fixed.get(j);
                        if (dag.containsEdge(u, v) || dag.containsEdge(v, u)) {
                            sum += j;
                            n++;
                        }
                    }
                    bary.put(v, n == 0 ? i : sum / n);
                }
                List<String> sorted = new ArrayList<>(free);
                sorted.sort(Comparator.comparing(bary::get));
                free.clear();
                free.addAll(sorted);
            }
        }
    }

    private static Map<String, Point> place(List<List<String>> layers) {
        int count = layers.size();
        int maxSize = layers.stream().mapToInt(List::size).max().orElse(1);
        double colPitch = NODE_WIDTH + LAYER_GAP;
        double band = maxSize * (NODE_HEIGHT + NODE_GAP) - NODE_GAP;
        double rowPitch = band + ROW_GAP;
        int bestRows = 1;
        double bestScore = Double.MAX_VALUE;
        for (int rows = 1; rows <= count; rows++) {
            int cols = (count + rows - 1) / rows;
            if (rows > 1 && cols < MIN_COLUMNS_WHEN_WRAPPED) {
                break;
            }
            double width = cols * colPitch - LAYER_GAP;
            double height = rows * rowPitch - ROW_GAP;
            double score = Math.abs(Math.log((width / height) / TARGET_ASPECT));
            if (score < bestScore - 1e-9) {
                bestScore = score;
                bestRows = rows;
            }
        }
        int cols = (count + bestRows - 1) / bestRows;
        Map<String, Point> positions = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            int row = k / cols;
            int c = k % cols;
            int col = row % 2 == 0 ? c : cols - 1 - c;
            List<String> layer = layers.get(k);
            double top = MARGIN + row * rowPitch + (band - (layer.size() * (NODE_HEIGHT + NODE_GAP) - NODE_GAP)) / 2;
            for (int i = 0; i < layer.size(); i++) {
                positions.put(layer.get(i), new Point(MARGIN + col * colPitch, top + i * (NODE_HEIGHT + NODE_GAP)));
            }
        }
        return positions;
    }
}
