package dev.handoff.env.routing;

import dev.handoff.input.InputException;
import dev.handoff.input.InputFiles;
import dev.handoff.input.InputLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the network files of Boyan &amp; Littman's simulator: {@code 1000 <id> <x> <y> 0} declares a node at (x, y) in
 * the unit square (y up), {@code 2000 <a> <b> 0} an undirected link. Duplicate links and self loops are dropped. A
 * malformed line, a duplicate node or a file beyond {@link InputLimits#AGENTS} routers is refused with an
 * {@link InputException} naming the file and line.
 */
public final class NetFileReader {
    private NetFileReader() {
    }

    public static Topology read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.net$", "");
        return parse(name, file.toString(), InputFiles.readText(file, file.toString()).lines().toList());
    }

    public static Topology parse(String name, List<String> lines) throws IOException {
        return parse(name, name + ".net", lines);
    }

    private static Topology parse(String name, String source, List<String> lines) throws InputException {
        Map<Integer, double[]> positions = new TreeMap<>();
        List<int[]> rawLinks = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            try {
                switch (f[0]) {
                    case "1000" -> {
                        int id = Integer.parseInt(f[1]);
                        double x = Double.parseDouble(f[2]);
                        double y = Double.parseDouble(f[3]);
                        if (!Double.isFinite(x) || !Double.isFinite(y)) {
                            throw InputException.atLine(source, lineNo, 0, "node " + id + ": a position must be two finite numbers");
                        }
                        if (positions.containsKey(id)) {
                            throw InputException.atLine(source, lineNo, 0, "node " + id + " is declared twice");
                        }
                        if (!InputLimits.AGENTS.allows(positions.size() + 1L)) {
                            throw InputException.atLine(source, lineNo, 0, "the network has more routers than "
                                    + InputLimits.AGENTS + " (each router becomes an agent)");
                        }
                        positions.put(id, new double[] {x, y});
                    }
                    case "2000" -> {
                        if (!InputLimits.HANDOFFS.allows(2L * (rawLinks.size() + 1))) {
                            throw InputException.atLine(source, lineNo, 0, "the network has more links than "
                                    + InputLimits.HANDOFFS + " / 2 (each link makes two handoffs)");
                        }
                        rawLinks.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), lineNo});
                    }
                    default -> throw InputException.atLine(source, lineNo, 0, "unknown record type \"" + InputException.abbreviate(f[0], 60)
                            + "\" (1000 declares a node, 2000 a link)");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw InputException.atLine(source, lineNo, 0, "cannot read \"" + InputException.abbreviate(t, 60) + "\" (expected \"1000 id x y 0\" "
                        + "or \"2000 a b 0\")");
            }
        }
        if (positions.isEmpty()) {
            throw InputException.of(source, "the network declares no node (1000 records)");
        }
        Map<Integer, Integer> index = new TreeMap<>();
        List<Topology.Node> nodes = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : positions.entrySet()) {
            index.put(e.getKey(), nodes.size());
            String id = Integer.toString(e.getKey());
            nodes.add(new Topology.Node(id, id, e.getValue()[0], e.getValue()[1]));
        }
        Set<Topology.Link> links = new LinkedHashSet<>();
        for (int[] l : rawLinks) {
            Integer a = index.get(l[0]);
            Integer b = index.get(l[1]);
            if (a == null || b == null) {
                throw InputException.atLine(source, l[2], 0, "link " + l[0] + "-" + l[1] + " names an undeclared node");
            }
            if (!a.equals(b)) {
                links.add(new Topology.Link(a, b));
            }
        }
        return new Topology(name, nodes, new ArrayList<>(links));
    }

}
