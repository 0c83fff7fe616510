package dev.handoff.workflow;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Binding a workflow tree with every type error reported, not only the first: Jackson stops at the first value of the
 * wrong type, so each one found is replaced, on a copy of the tree, by a placeholder of the expected type and binding
 * is tried again. A retry whose error touches a replaced value (the same place, inside it or around it) ends the
 * search, so a placeholder never causes a problem of its own; at most {@value #MAX_PROBLEMS} are collected.
 */
final class TypeErrors {
    static final int MAX_PROBLEMS = 50;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypeErrors() {
    }

    /** What binding found: the document when it bound cleanly, else the problems (then {@code value} is null). */
    record Result<T>(T value, List<Problem> problems, DatabindException first) {
    }

    /**
     * Binds {@code doc} (left unchanged) to the reader's type. {@code describe} turns Jackson's exception into a
     * problem, looking values up in the tree it is given.
     */
    static <T> Result<T> bind(ObjectReader reader, ObjectMapper mapper, ObjectNode doc,
                              BiFunction<DatabindException, JsonNode, Problem> describe) throws IOException {
        ObjectNode work = doc.deepCopy();
        List<Problem> problems = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        DatabindException first = null;
        while (problems.size() < MAX_PROBLEMS) {
            try {
                T value = reader.readValue(work);
                return problems.isEmpty() ? new Result<>(value, List.of(), null) : new Result<>(null, problems, first);
            } catch (DatabindException e) {
                Problem p = describe.apply(e, work);
                if (touchesAny(p.path(), replaced)) {
                    break;
                }
                if (first == null) {
                    first = e;
                }
                problems.add(p);
                JsonNode placeholder = e instanceof MismatchedInputException m ? placeholder(m.getTargetType(), mapper) : null;
                if (placeholder == null || !replace(work, p.path(), placeholder)) {
                    break;
                }
                replaced.add(p.path());
            }
        }
        return new Result<>(null, problems, first);
    }

    private static boolean touchesAny(String path, List<String> replaced) {
        for (String r : replaced) {
            if (path.equals(r) || path.startsWith(r + "/") || r.startsWith(path + "/") || path.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A value of the expected type that binds without complaint, or null when there is no such simple value. */
    private static JsonNode placeholder(Class<?> type, ObjectMapper mapper) {
        if (type == null) {
            return null;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return NODES.numberNode(0.0);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return NODES.numberNode(0);
        }
        if (type == boolean.class || type == Boolean.class) {
            return NODES.booleanNode(false);
        }
        if (type == String.class) {
            return NODES.textNode("");
        }
        if (type.isEnum() && type.getEnumConstants().length > 0) {
            return mapper.valueToTree(type.getEnumConstants()[0]);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return NODES.arrayNode();
        }
        if (Map.class.isAssignableFrom(type)) {
            return NODES.objectNode();
        }
        return null;
    }

    /** Puts {@code value} at a JSON Pointer path of the tree; false when the path has no parent container there. */
    private static boolean replace(ObjectNode root, String path, JsonNode value) {
        int cut = path.lastIndexOf('/');
        if (cut < 0) {
            return false;
        }
        JsonNode parent = root.at(path.substring(0, cut));
        String token = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o && o.has(token)) {
            o.set(token, value);
            return true;
        }
        if (parent instanceof ArrayNode a) {
            try {
                int i = Integer.parseInt(token);
                if (i >= 0 && i < a.size()) {
                    a.set(i, value);
                    return true;
                }
            } catch (NumberFormatException notAnIndex) {
                return false;
            }
        }
        return false;
    }
}
