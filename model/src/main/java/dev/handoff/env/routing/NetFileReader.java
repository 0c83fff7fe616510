package dev.handoff.env.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the network files of Boyan &amp; Littman's simulator: {@code 1000 <id> <x> <y> 0} declares a node at (x, y) in
 * the unit square (y up), {@code 2000 <a> <b> 0} an undirected link. Duplicate links and self loops are dropped.
 */
public final class NetFileReader {
    private NetFileReader() {
    }

    public static Topology read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.net$", "");
        return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static Topology parse(String name, List<String> lines) throws IOException {
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
                    case "1000" -> positions.put(Integer.parseInt(f[1]),
                            new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                    case "2000" -> rawLinks.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
                    default -> throw new IOException(name + ".net line " + lineNo + ": unknown record type " + f[0]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(name + ".net line " + lineNo + ": cannot read \"" + t + "\"", e);
            }
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
                throw new IOException(name + ".net: link " + l[0] + "-" + l[1] + " names an undeclared node");
            }
            if (!a.equals(b)) {
                links.add(new Topology.Link(a, b));
            }
        }
        return new Topology(name, nodes, new ArrayList<>(links));
    }
}
