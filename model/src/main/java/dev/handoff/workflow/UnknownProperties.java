package dev.handoff.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds every property of a document that no record of the workflow format declares, by walking the JSON tree
 * alongside the record types (so each is reported at its own path, not only the first one Jackson meets).
 */
final class UnknownProperties {
    private UnknownProperties() {
    }

    static List<Problem> find(JsonNode root) {
        List<Problem> out = new ArrayList<>();
        walk(root, Workflow.class, "", out);
        return out;
    }

    private static void walk(JsonNode node, Type type, String path, List<Problem> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            if (!node.isObject()) {
                return; // a type mismatch, reported by binding
            }
            List<String> known = new ArrayList<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                known.add(rc.getName());
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = JsonPointers.child(path, e.getKey());
                RecordComponent rc = component(c, e.getKey());
                if (rc == null) {
                    out.add(new Problem(childPath, "unknown property \"" + e.getKey() + "\""
                            + DidYouMean.suffix(e.getKey(), known)
                            + " (expected one of: " + String.join(", ", new TreeSet<>(known)) + ")"));
                } else {
                    walk(e.getValue(), rc.getGenericType(), childPath, out);
                }
            }
        } else if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), args[0], JsonPointers.child(path, i), out);
                }
            } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    walk(e.getValue(), args[1], JsonPointers.child(path, e.getKey()), out);
                }
            }
        }
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent rc : record.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc;
            }
        }
        return null;
    }
}
