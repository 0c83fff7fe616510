package dev.handoff.env.routing;

import dev.handoff.input.InputException;
import dev.handoff.input.InputFiles;
import dev.handoff.input.InputLimits;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
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
 * {@code d0, d1, ...} ids differ between files.
 * <p>
 * The file is untrusted: it must be UTF-8 (as Topology Zoo's are), it is streamed (StAX), a DOCTYPE is refused before any entity could be declared (so external
 * entities are never resolved and no entity is ever expanded), routers and links are counted against
 * {@link InputLimits#AGENTS} and {@link InputLimits#HANDOFFS} as they are read, and every refusal is an
 * {@link InputException} naming the file, line and column.
 */
public final class GraphmlReader {
    private GraphmlReader() {
    }

    public static Topology read(Path file) throws IOException {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.(graphml|xml)$", "");
        return read(InputFiles.readText(file, file.toString()), fallbackName, file.toString());
    }

    public static Topology read(InputStream in, String fallbackName) throws IOException {
        return read(InputFiles.decode(in.readNBytes((int) InputLimits.FILE_BYTES.value() + 1), fallbackName), fallbackName,
                fallbackName);
    }

    /** Parses GraphML text (decoded as UTF-8 beforehand, so that the XML parser meets no encoding errors). */
    static Topology read(String text, String fallbackName, String source) throws InputException {
        if (!InputLimits.FILE_BYTES.allows(text.length())) {
            throw InputException.of(source, "the file is too large: more than " + InputLimits.FILE_BYTES + " bytes");
        }
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new StringReader(text));
            return new Parse(r, source).topology(fallbackName);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw InputException.atLine(source, at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(),
                    "not well-formed GraphML: " + xmlMessage(e));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array cannot lose anything
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The parser's own sentence, without its "ParseError at [row,col]" prefix (the place is reported apart). */
    private static String xmlMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int at = m.indexOf("Message: ");
        return InputException.oneLine(at >= 0 ? m.substring(at + "Message: ".length()) : m);
    }

    /** One pass over the document: keys, the first graph's data, nodes and edges. */
    private static final class Parse {
        private final XMLStreamReader r;
        private final String source;
        private final Map<String, String> nodeKeys = new HashMap<>();
        private final Map<String, String> graphKeys = new HashMap<>();
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final List<Topology.Node> nodes = new ArrayList<>();
        private final List<String[]> edgeEnds = new ArrayList<>();
        private final List<int[]> edgePlaces = new ArrayList<>();

        Parse(XMLStreamReader r, String source) {
            this.r = r;
            this.source = source;
        }

        private InputException refuse(String detail) {
            Location at = r.getLocation();
            return InputException.atLine(source, at.getLineNumber(), at.getColumnNumber(), detail);
        }

        Topology topology(String fallbackName) throws XMLStreamException, InputException {
            String name = fallbackName;
            int depth = 0;
            int graphDepth = -1;
            boolean graphSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refuse("a DOCTYPE or entity is not allowed in GraphML (entities are never expanded or fetched)");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == graphDepth) {
                        graphDepth = -2; // the first graph is closed: later graphs are ignored
                    }
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String element = r.getLocalName();
                if ("key".equals(element)) {
                    key();
                } else if ("graph".equals(element) && !graphSeen) {
                    graphSeen = true;
                    graphDepth = depth;
                } else if (depth == graphDepth + 1 && "node".equals(element)) {
                    node();
                    depth--; // node() consumed its end tag
                } else if (depth == graphDepth + 1 && "edge".equals(element)) {
                    edge();
                } else if (depth == graphDepth + 1 && "data".equals(element)) {
                    String attr = graphKeys.get(r.getAttributeValue(null, "key"));
                    String text = text();
                    depth--;
                    if ("label".equals(attr) && !text.isBlank()) {
                        name = text.trim();
                    }
                }
            }
            if (!graphSeen) {
                throw InputException.of(source, "no <graph> element: not a GraphML graph");
            }
            if (nodes.isEmpty()) {
                throw InputException.of(source, "the graph has no <node>: nothing to route between");
            }
            return GraphmlReader.largestComponent(name, nodes, resolveEdges());
        }

        private void key() {
            String forWhat = r.getAttributeValue(null, "for");
            String id = r.getAttributeValue(null, "id");
            String attrName = r.getAttributeValue(null, "attr.name");
            if (id == null || attrName == null) {
                return;
            }
            if ("node".equals(forWhat) || "all".equals(forWhat)) {
                nodeKeys.put(id, attrName);
            }
            if ("graph".equals(forWhat) || "all".equals(forWhat)) {
                graphKeys.put(id, attrName);
            }
        }

        private void node() throws XMLStreamException, InputException {
            String id = r.getAttributeValue(null, "id");
            if (id == null || id.isBlank()) {
                throw refuse("a <node> without an id");
            }
            if (index.containsKey(id)) {
                throw refuse("duplicate node id \"" + InputException.abbreviate(id, 40) + "\"");
            }
            if (!InputLimits.AGENTS.allows(nodes.size() + 1L)) {
                throw refuse("the topology has more routers than " + InputLimits.AGENTS + " (each router becomes an agent)");
            }
            Map<String, String> data = new HashMap<>();
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String attr = "data".equals(r.getLocalName()) && depth == 1 ? nodeKeys.get(r.getAttributeValue(null, "key")) : null;
                    if (attr != null) {
                        data.put(attr, text());
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                    throw refuse("an entity is not allowed in GraphML (entities are never expanded or fetched)");
                }
            }
            String label = data.get("label");
            index.put(id, nodes.size());
            nodes.add(new Topology.Node(id, label == null || label.isBlank() ? id : label.trim(),
                    number(data.get("Longitude")), number(data.get("Latitude"))));
        }

        private void edge() throws InputException {
            if (!InputLimits.HANDOFFS.allows(2L * (edgeEnds.size() + 1))) {
                throw refuse("the topology has more links than " + InputLimits.HANDOFFS + " / 2 (each link makes two handoffs)");
            }
            Location at = r.getLocation();
            edgeEnds.add(new String[] {r.getAttributeValue(null, "source"), r.getAttributeValue(null, "target")});
            edgePlaces.add(new int[] {at.getLineNumber(), at.getColumnNumber()});
        }

        /** The text of the current element (its end tag consumed), at most max-string-chars long. */
        private String text() throws XMLStreamException, InputException {
            StringBuilder sb = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (sb.length() + r.getTextLength() > InputLimits.STRING_CHARS.value()) {
                        throw refuse("a <data> value is longer than " + InputLimits.STRING_CHARS + " characters");
                    }
                    sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refuse("an entity is not allowed in GraphML (entities are never expanded or fetched)");
                }
            }
            return sb.toString();
        }

        private List<int[]> resolveEdges() throws InputException {
            List<int[]> edges = new ArrayList<>(edgeEnds.size());
            for (int e = 0; e < edgeEnds.size(); e++) {
                String[] ends = edgeEnds.get(e);
                Integer a = ends[0] == null ? null : index.get(ends[0]);
                Integer b = ends[1] == null ? null : index.get(ends[1]);
                if (a == null || b == null) {
                    int[] at = edgePlaces.get(e);
                    throw InputException.atLine(source, at[0], at[1], "edge " + InputException.abbreviate(ends[0], 40) + " -> "
                            + InputException.abbreviate(ends[1], 40) + " names an undeclared node");
                }
                edges.add(new int[] {a, b});
            }
            return edges;
        }
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
}
