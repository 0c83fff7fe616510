package dev.handoff.env.routing;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Internet Topology Zoo GraphML file (or any undirected GraphML graph) into a {@link Topology}: keeps the
 * largest connected component, drops parallel edges and self loops, takes node {@code label}s as names and
 * {@code Longitude}/{@code Latitude} as positions. Attribute keys are resolved by {@code attr.name}, since the
 * {@code d0, d1, ...} ids differ between files. External entities are disabled.
 */
public final class GraphmlReader {
    private GraphmlReader() {
    }

    public static Topology read(Path file) throws IOException {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.(graphml|xml)$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, fallbackName);
        }
    }

    public static Topology read(InputStream in, String fallbackName) throws IOException {
        Document doc = parse(in, fallbackName);
        Map<String, String> nodeKeys = new HashMap<>();
        Map<String, String> graphKeys = new HashMap<>();
        NodeList keys = doc.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            String forWhat = k.getAttribute("for");
            String attrName = k.getAttribute("attr.name");
            if ("node".equals(forWhat) || "all".equals(forWhat)) {
                nodeKeys.put(k.getAttribute("id"), attrName);
            }
            if ("graph".equals(forWhat) || "all".equals(forWhat)) {
                graphKeys.put(k.getAttribute("id"), attrName);
            }
        }
        NodeList graphs = doc.getElementsByTagNameNS("*", "graph");
        if (graphs.getLength() == 0) {
            throw new IOException(fallbackName + ": no <graph> element");
        }
        Element graph = (Element) graphs.item(0);
        String name = fallbackName;
        Map<String, String> graphData = data(graph, graphKeys);
        if (graphData.get("label") != null && !graphData.get("label").isBlank()) {
            name = graphData.get("label").trim();
        }

        Map<String, Integer> index = new LinkedHashMap<>();
        List<Topology.Node> allNodes = new ArrayList<>();
        List<int[]> allEdges = new ArrayList<>();
        for (Node child = graph.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            if ("node".equals(e.getLocalName())) {
                String id = e.getAttribute("id");
                if (index.containsKey(id)) {
                    throw new IOException(fallbackName + ": duplicate node id \"" + id + "\"");
                }
                Map<String, String> d = data(e, nodeKeys);
                String label = d.get("label");
                index.put(id, allNodes.size());
                allNodes.add(new Topology.Node(id, label == null || label.isBlank() ? id : label.trim(),
                        number(d.get("Longitude")), number(d.get("Latitude"))));
            }
        }
        for (Node child = graph.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && "edge".equals(e.getLocalName())) {
                Integer a = index.get(e.getAttribute("source"));
                Integer b = index.get(e.getAttribute("target"));
                if (a == null || b == null) {
                    throw new IOException(fallbackName + ": edge " + e.getAttribute("source") + " -> "
                            + e.getAttribute("target") + " names an undeclared node");
                }
                allEdges.add(new int[] {a, b});
            }
        }
        return largestComponent(name, allNodes, allEdges);
    }

    /** The largest connected component (first in document order on ties), nodes kept in document order. */
    static Topology largestComponent(String name, List<Topology.Node> nodes, List<int[]> edges) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < nodes.size(); i++) {
            g.addVertex(i);
        }
        Set<Topology.Link> links = new LinkedHashSet<>();
        for (int[] e : edges) {
            if (e[0] != e[1]) {
                links.add(new Topology.Link(e[0], e[1]));
                g.addEdge(e[0], e[1]);
            }
        }
        Set<Integer> best = Set.of();
        int bestFirst = Integer.MAX_VALUE;
        for (Set<Integer> c : new ConnectivityInspector<>(g).connectedSets()) {
            int first = c.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
            if (c.size() > best.size() || (c.size() == best.size() && first < bestFirst)) {
                best = c;
                bestFirst = first;
            }
        }
        int[] newIndex = new int[nodes.size()];
        List<Topology.Node> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            newIndex[i] = best.contains(i) ? kept.size() : -1;
            if (best.contains(i)) {
                kept.add(nodes.get(i));
            }
        }
        List<Topology.Link> keptLinks = new ArrayList<>();
        for (Topology.Link l : links) {
            if (newIndex[l.a()] >= 0 && newIndex[l.b()] >= 0) {
                keptLinks.add(new Topology.Link(newIndex[l.a()], newIndex[l.b()]));
            }
        }
        return new Topology(name, kept, keptLinks);
    }

    private static Map<String, String> data(Element owner, Map<String, String> keyNames) {
        Map<String, String> out = new HashMap<>();
        for (Node child = owner.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && "data".equals(e.getLocalName())) {
                String attr = keyNames.get(e.getAttribute("key"));
                if (attr != null) {
                    out.put(attr, e.getTextContent());
                }
            }
        }
        return out;
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Document parse(InputStream in, String what) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(what + ": not a readable GraphML file (" + e.getMessage() + ")", e);
        }
    }
}
