package dev.handoff.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The places of a JSON tree that a fuzz case can damage: every field of every object and every array element. */
public final class JsonSlots {
    private JsonSlots() {
    }

    /** A place in a tree: a field of an object ({@code field} set) or an element of an array ({@code index}). */
    public record Slot(JsonNode parent, String field, int index) {
        /** The value at this place. */
        public JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }
    }

    /** Every place of {@code root}, in document order. */
    public static List<Slot> of(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Slot(node, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }
}
