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
    /** Each record's components by name, looked up once per class (reflection per node made big documents slow). */
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> record) {
            Map<String, RecordComponent> byName = new java.util.LinkedHashMap<>();
            for (RecordComponent rc : record.getRecordComponents()) {
                byName.put(rc.getName(), rc);
            }
            return java.util.Collections.unmodifiableMap(byName);
        }
    };

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
            Map<String, RecordComponent> components = COMPONENTS.get(c);
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String childPath = JsonPointers.child(path, e.getKey());
                RecordComponent rc = components.get(e.getKey());
                if (rc == null) {
                    List<String> known = new ArrayList<>(components.keySet());
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
}
