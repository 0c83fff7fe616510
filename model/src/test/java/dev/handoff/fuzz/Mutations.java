package dev.handoff.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.fuzz.JsonSlots.Slot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a {@link Damage} to a file's bytes. JSON damage works on the tree (so that the document stays JSON and the
 * loader's checks beyond syntax are reached); values Jackson cannot hold in a tree (10^5-deep nesting, {@code 1e999},
 * a 1 MB string, a 100,000-element array) are spliced into the text in place of a placeholder.
 */
final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String MARK = "\u0001FUZZ-";

    /** Text values spliced in for placeholders, by placeholder number. */
    private static final String[] SPLICES = {
        "[".repeat(100_000) + "]".repeat(100_000),            // 10^5-deep nesting
        "1e999",                                               // a number too large for a double
        "-1e999",
        "NaN",                                                 // not JSON at all
        "\"" + "n".repeat(1 << 20) + "\"",                     // a 1 MB string
        "[" + "0,".repeat(99_999) + "0]",                      // a 100,000-element array
        "{\"k\": 1, \"k\": 2}",                                // a duplicate key
        "1" + "0".repeat(1_500),                               // a 1,501-digit number
        "{".repeat(70) + "\"x\": 1" + "}".repeat(70),          // just deeper than the nesting limit
    };

    private static final String JSON_NOISE = "{}[],:\"0123456789-+.eEtrufalsn \\x\n\u0000";
    private static final String XML_NOISE = "<>/=\"'&;!?[]-: \nabcgraphnodeedgedatakey";
    private static final String CSV_NOISE = ",\"\n\r 0x0123456789abcdefTrueFalse";
    private static final String NET_NOISE = " 0123456789.-e\n1000 2000 ";

    private static final String[] XML_SNIPPETS = {
        "<!DOCTYPE g [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE g [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
        "&xxe;",
        "<node id=\"dup\"/><node id=\"dup\"/>",
        "<edge source=\"ghost\" target=\"nowhere\"/>",
        "<x>".repeat(20_000) + "</x>".repeat(20_000),
        "<data key=\"d32\">" + "9".repeat(100_000) + "</data>",
        "<?xml-stylesheet href=\"http://127.0.0.1:9/x\"?>",
        "<![CDATA[" + "c".repeat(70_000) + "]]>",
    };

    private Mutations() {
    }

    /** The damaged bytes (null: the file is removed; {@link #FOLDER}: replaced by a folder). */
    static byte[] apply(String fileName, byte[] original, Damage d) {
        byte[] b = original;
        int n = b.length;
        switch (d.kind()) {
            case TRUNCATE:
                return Arrays.copyOf(b, n == 0 ? 0 : Math.floorMod(d.at(), n));
            case DELETE: {
                int from = n == 0 ? 0 : Math.floorMod(d.at(), n);
                int to = Math.min(n, from + 1 + Math.floorMod(d.length(), 64));
                return concat(Arrays.copyOfRange(b, 0, from), Arrays.copyOfRange(b, to, n));
            }
            case INSERT_NOISE: {
                String noise = noiseFor(fileName);
                byte[] out = b;
                for (int k = 0; k <= Math.floorMod(d.length(), 4); k++) {
                    int at = out.length == 0 ? 0 : Math.floorMod(d.at() + 7919 * k, out.length + 1);
                    char c = noise.charAt(Math.floorMod(d.value() + 31 * k, noise.length()));
                    out = insert(out, at, String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
                return out;
            }
            case FLIP: {
                byte[] out = b.clone();
                long x = d.value() * 0x9E3779B97F4A7C15L + d.at();
                for (int k = 0; k <= Math.floorMod(d.length(), 8) && n > 0; k++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    out[(int) Math.floorMod(x >>> 17, (long) n)] = (byte) (x >>> 56);
                }
                return out;
            }
            case GARBAGE: {
                byte[] out = new byte[1 + Math.floorMod(d.length(), 4096)];
                long x = d.value() + 17L * d.at();
                for (int k = 0; k < out.length; k++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    out[k] = (byte) (x >>> 56);
                }
                return out;
            }
            case REPEAT_CHUNK: {
                if (n == 0) {
                    return b;
                }
                int from = Math.floorMod(d.at(), n);
                int to = Math.min(n, from + 1 + Math.floorMod(d.length(), 256));
                byte[] chunk = Arrays.copyOfRange(b, from, to);
                int times = 1 + Math.floorMod(d.value(), 2_000);
                byte[] repeated = new byte[chunk.length * times];
                for (int k = 0; k < times; k++) {
                    System.arraycopy(chunk, 0, repeated, k * chunk.length, chunk.length);
                }
                return insert(b, to, repeated);
            }
            case JSON_VALUE:
                return isJson(fileName) ? jsonValue(b, d) : apply(fileName, b, new Damage(d.target(), d.corpus(), d.file(),
                        Damage.Kind.HOSTILE_SNIPPET, d.at(), d.length(), d.value()));
            case HOSTILE_SNIPPET:
                return insert(b, n == 0 ? 0 : Math.floorMod(d.at(), n + 1), snippet(fileName, d.value()));
            case EMPTY:
                return new byte[0];
            case FOLDER:
                return FOLDER;
            case MISSING:
            default:
                return null;
        }
    }

    /** Marker: put a folder where the file was. */
    static final byte[] FOLDER = new byte[0];

    private static boolean isJson(String name) {
        return name.endsWith(".json") || name.endsWith(".jsonl");
    }

    private static String noiseFor(String name) {
        if (name.endsWith(".graphml") || name.endsWith(".xml")) {
            return XML_NOISE;
        }
        if (name.endsWith(".csv")) {
            return CSV_NOISE;
        }
        if (name.endsWith(".net")) {
            return NET_NOISE;
        }
        return JSON_NOISE;
    }

    private static byte[] snippet(String name, int value) {
        String s;
        if (name.endsWith(".graphml") || name.endsWith(".xml")) {
            s = XML_SNIPPETS[Math.floorMod(value, XML_SNIPPETS.length)];
        } else if (name.endsWith(".csv")) {
            s = switch (Math.floorMod(value, 4)) {
                case 0 -> "\"" + "q".repeat(100_000);                 // a quoted field that never ends
                case 1 -> "x,".repeat(5_000) + "\n";                   // a row far too wide
                case 2 -> "hd01,0xZZZZ,,,0x1\n";                       // a bad hex value
                default -> "\n\n\n" + ",,,,\n".repeat(1_000);          // empty rows
            };
        } else if (name.endsWith(".net")) {
            s = switch (Math.floorMod(value, 4)) {
                case 0 -> "\n1000 1 NaN Infinity 0\n";
                case 1 -> "\n2000 1 999999 0\n";
                case 2 -> "\n1000 99999999999 0.5 0.5 0\n";
                default -> "\n3000 1 2 3\n";
            };
        } else {
            s = SPLICES[Math.floorMod(value, SPLICES.length)];
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- JSON trees

    private static byte[] jsonValue(byte[] b, Damage d) {
        String text = new String(b, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        boolean lines = newline >= 0 && newline < text.length() - 1 && !text.startsWith("{\n") && !text.startsWith("[");
        if (lines) { // JSON Lines: damage one line
            String[] all = text.split("\n", -1);
            int k = Math.floorMod(d.at(), all.length);
            all[k] = new String(jsonValue(all[k].getBytes(StandardCharsets.UTF_8), new Damage(d.target(), d.corpus(), d.file(),
                    d.kind(), d.at() / Math.max(1, all.length), d.length(), d.value())), StandardCharsets.UTF_8).replace("\n", " ");
            return String.join("\n", all).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception notJson) {
            return insert(b, Math.floorMod(d.at(), b.length + 1), snippet(".json", d.value()));
        }
        if (root == null) {
            return b;
        }
        List<Slot> slots = JsonSlots.of(root);
        if (slots.isEmpty()) {
            return SPLICES[Math.floorMod(d.value(), SPLICES.length)].getBytes(StandardCharsets.UTF_8);
        }
        Slot s = slots.get(Math.floorMod(d.at(), slots.size()));
        int op = Math.floorMod(d.value(), 30);
        if (op == 29) {
            removeStops(root); // every handoff to STOP gone: a cycle with no way to end
        } else {
            replace(s, op, slots, d.length());
        }
        String out = root.toString();
        for (int k = 0; k < SPLICES.length; k++) {
            out = out.replace("\"" + MARK + k + "\"", SPLICES[k]);
        }
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void replace(Slot s, int op, List<Slot> slots, int pick) {
        JsonNode value = switch (op) {
            case 0 -> null; // removed
            case 1 -> F.nullNode();
            case 2 -> F.textNode("x");
            case 3 -> F.textNode("NaN");
            case 4 -> F.textNode("Infinity");
            case 5 -> F.numberNode(1.5);
            case 6 -> F.numberNode(-1);
            case 7 -> F.numberNode(0);
            case 8 -> F.numberNode(1e308);
            case 9 -> F.numberNode(Long.MAX_VALUE);
            case 10 -> F.booleanNode(true);
            case 11 -> F.arrayNode();
            case 12 -> F.objectNode();
            case 13 -> F.textNode("STOP");
            case 14 -> F.textNode("ghost");
            case 15 -> F.textNode("");
            case 16 -> slots.get(Math.floorMod(pick, slots.size())).value().deepCopy(); // duplicate ids and the like
            case 17 -> F.textNode("\u0000\u001b[31mred\u0007\r\n\u2028");
            case 18 -> F.numberNode(-2_147_483_648L);
            case 19 -> F.numberNode(2_147_483_648L);
            default -> F.textNode(MARK + (op - 20)); // spliced: deep, 1e999, -1e999, NaN, 1 MB, huge array, dup key ...
        };
        if (s.field() != null) {
            ObjectNode o = (ObjectNode) s.parent();
            if (value == null) {
                o.remove(s.field());
            } else if (op == 12 && o.size() % 2 == 0) {
                o.put(s.field() + "Extra", 1); // an unknown property beside a known one
            } else {
                o.set(s.field(), value);
            }
        } else {
            ArrayNode a = (ArrayNode) s.parent();
            if (value == null) {
                a.remove(s.index());
            } else if (op == 16) {
                a.add(value); // an element appended twice: duplicate agents, edges, seeds
            } else {
                a.set(s.index(), value);
            }
        }
    }

    private static void removeStops(JsonNode node) {
        if (node.isArray()) {
            for (int i = node.size() - 1; i >= 0; i--) {
                if ("STOP".equals(node.get(i).path("to").asText(null))) {
                    ((ArrayNode) node).remove(i);
                } else {
                    removeStops(node.get(i));
                }
            }
        } else if (node.isObject()) {
            node.forEach(Mutations::removeStops);
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, out, a.length, c.length);
        return out;
    }
}
