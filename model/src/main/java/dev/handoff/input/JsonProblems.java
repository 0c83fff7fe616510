package dev.handoff.input;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Jackson's exceptions into plain problems: a JSON Pointer (or a line and column for syntax) and one sentence,
 * without Jackson's internals ({@code [Source: ...]}, {@code through reference chain: dev.handoff...}, class names).
 */
public final class JsonProblems {
    private static final String NOT_JSON = "not valid JSON: ";
    private JsonProblems() {
    }

    /**
     * One problem of a JSON text: where ({@code pointer}, else {@code line}/{@code column} when &gt; 0) and what.
     */
    public record JsonProblem(String pointer, long line, long column, String message) {
        /** As an {@link InputException} of {@code source}: at the pointer when there is one, else at the line. */
        public InputException in(String source, Throwable cause) {
            String location = pointer != null && !pointer.isEmpty() ? "#" + pointer
                    : line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
            return new InputException(source, location, message, cause);
        }

        /**
         * The message with its line and column in words, for reports that carry a JSON Pointer but no line
         * ({@code "not valid JSON at line 3, column 7: ..."}); the message itself when the line is not known.
         */
        public String messageWithPlace() {
            if (line <= 0 || !message.startsWith(NOT_JSON)) {
                return message;
            }
            return "not valid JSON at line " + line + ", column " + column + message.substring(NOT_JSON.length() - 2);
        }
    }

    /** A text that does not parse, with the problem where the parser stopped. */
    public static final class ParseFailure extends Exception {
        private final JsonProblem problem;

        ParseFailure(JsonProblem problem, Throwable cause) {
            super(problem.message(), cause);
            this.problem = problem;
        }

        public JsonProblem problem() {
            return problem;
        }
    }

    /**
     * Parses {@code text} as one JSON value with {@code mapper} (its read limits apply); {@code null} for an empty text.
     * A failure carries the line and column, and for a read limit the JSON Pointer, of the place the parser stopped.
     */
    public static JsonNode readTree(ObjectMapper mapper, String text) throws ParseFailure {
        try (JsonParser p = mapper.createParser(text)) {
            try {
                JsonNode root = mapper.readTree(p);
                if (root != null && p.nextToken() != null) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new ParseFailure(new JsonProblem("", at.getLineNr(), at.getColumnNr(),
                            NOT_JSON + "more text after the end of the document"), null);
                }
                return root == null || root.isMissingNode() ? null : root;
            } catch (JacksonException e) {
                throw new ParseFailure(syntax(e, p), e);
            }
        } catch (IOException e) {
            throw new ParseFailure(new JsonProblem("", -1, -1, "cannot read the text: " + plain(e.getMessage())), e);
        }
    }

    /** A problem found while parsing, as {@link #syntax(JacksonException)}, with the place taken from the parser. */
    static JsonProblem syntax(JacksonException e, JsonParser p) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        String pointer = p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
        return syntax(e, loc, pointer);
    }

    /**
     * A problem found while parsing: not JSON (with line and column), the text ends early, or a read limit exceeded
     * (with the JSON Pointer of the place, and the limit's name).
     */
    public static JsonProblem syntax(JacksonException e) {
        String pointer = e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                ? p.getParsingContext().pathAsPointer().toString() : "";
        return syntax(e, e.getLocation(), pointer);
    }

    private static JsonProblem syntax(JacksonException e, JsonLocation loc, String pointer) {
        long line = loc == null ? -1 : loc.getLineNr();
        long column = loc == null ? -1 : loc.getColumnNr();
        if (e instanceof StreamConstraintsException c) {
            return new JsonProblem(pointer, line, column, constraintMessage(c.getOriginalMessage()));
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String message;
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            message = "the text ends early" + insideWhat(e) + " (is the file truncated?)";
        } else {
            message = plain(original);
        }
        return new JsonProblem("", line, column, NOT_JSON + message);
    }

    private static String insideWhat(JacksonException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("Object")) {
            return ", inside an object";
        }
        if (m.contains("Array")) {
            return ", inside an array";
        }
        if (m.contains("string") || m.contains("String")) {
            return ", inside a string";
        }
        return "";
    }

    /** Jackson's constraint messages name its own settings; ours name the documented limit instead. */
    static String constraintMessage(String original) {
        String m = original == null ? "" : original;
        InputLimits.Limit limit;
        String what;
        if (m.contains("NestingDepth")) {
            limit = InputLimits.JSON_DEPTH;
            what = "objects and arrays nested too deeply";
        } else if (m.contains("TokenCount")) {
            limit = InputLimits.JSON_TOKENS;
            what = "too many values";
        } else if (m.contains("StringLength") || m.contains("NameLength")) {
            limit = InputLimits.STRING_CHARS;
            what = m.contains("NameLength") ? "a property name is too long" : "a string is too long";
        } else if (m.contains("DocumentLength")) {
            limit = InputLimits.FILE_BYTES;
            what = "the text is too long";
        } else if (m.contains("Number")) {
            return "a number has too many digits";
        } else {
            return plain(m);
        }
        // Jackson stops counting where the limit is crossed: say "more than", not its partial count
        return what + ": more than " + limit + " " + limit.unit();
    }

    /**
     * A problem found while binding a tree to a type: the JSON Pointer of the value and what was expected there.
     */
    public static JsonProblem binding(JacksonException e, JsonNode root) {
        if (!(e instanceof DatabindException d)) {
            return e instanceof JsonProcessingException ? syntax(e) : new JsonProblem("", -1, -1, plain(e.getOriginalMessage()));
        }
        String path = d instanceof JsonMappingException jme ? pointer(jme.getPath()) : "";
        JsonNode found = root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.at(path);
        String message;
        if (d instanceof UnrecognizedPropertyException u) {
            message = "unknown property \"" + u.getPropertyName() + "\"" + expectedOneOf(u.getKnownPropertyIds());
        } else if (d instanceof InvalidFormatException f && "out of range".equals(f.getOriginalMessage())) {
            message = "expected a finite number, found " + f.getValue();
        } else if (d instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            message = "expected " + typeName(target) + allowedValues(target) + ", found " + describeValue(f.getValue());
        } else if (d instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException) {
                // a record's List.copyOf met a null element: point at it
                String nullAt = nullListElement(found, path);
                return new JsonProblem(nullAt == null ? path : nullAt, -1, -1, "null is not allowed in a list");
            }
            message = "invalid value: " + plain(cause == null ? v.getOriginalMessage() : cause.getMessage());
        } else if (found.isMissingNode() && d instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                && jme.getPath().get(jme.getPath().size() - 1).getFieldName() != null) {
            message = "missing required field \"" + jme.getPath().get(jme.getPath().size() - 1).getFieldName() + "\"";
        } else if (d instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            message = "expected " + (target == null ? "another kind of value" : typeName(target) + allowedValues(target))
                    + (found.isMissingNode() ? "" : ", found " + describeNode(found));
        } else if (found.isNumber()) {
            message = "the number " + found.asText() + " is out of range here";
        } else {
            message = plain(d.getOriginalMessage());
        }
        return new JsonProblem(path, -1, -1, message);
    }

    /** Jackson's first sentence, without its source excerpt, reference chain or Java class names. */
    public static String plain(String original) {
        if (original == null || original.isBlank()) {
            return "unreadable value";
        }
        String m = original;
        int cut = m.indexOf('\n');
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        for (String tail : new String[] {" (start marker at", " at [Source", " (through reference chain", " (for Object starting at"}) {
            int at = m.indexOf(tail);
            if (at >= 0) {
                m = m.substring(0, at);
            }
        }
        m = m.replaceAll("`[a-z][\\w.]*\\.([A-Z][\\w$]*)`", "$1")  // `dev.handoff.x.Foo` -> Foo
                .replaceAll("\\b(?:java|javax|com|dev|org)\\.[a-z][\\w.]*\\.([A-Z][\\w$]*)", "$1");
        return InputException.oneLine(m);
    }

    /** Path of the first null element of an array directly inside {@code node} (or of {@code node} itself). */
    private static String nullListElement(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    return path + "/" + i;
                }
            }
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray()) {
                    String p = nullListElement(e.getValue(), path + "/" + escape(e.getKey()));
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** A JSON Pointer (RFC 6901) from Jackson's reference path. */
    public static String pointer(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append('/').append(escape(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String expectedOneOf(Collection<Object> known) {
        List<String> names = new ArrayList<>();
        if (known != null) {
            for (Object k : known) {
                names.add(String.valueOf(k));
            }
        }
        return names.isEmpty() ? "" : " (expected one of: " + String.join(", ", new java.util.TreeSet<>(names)) + ")";
    }

    /** What a Java type is called in a message: "a number", "a whole number", "an array", ... */
    public static String typeName(Class<?> t) {
        if (t == null) {
            return "a value";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord() || t == Object.class || JsonNode.class.isAssignableFrom(t)) {
            return "an object";
        }
        return "a " + t.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The JSON names of an enum's constants (through its {@code @JsonValue} method when it has one). */
    private static String allowedValues(Class<?> t) {
        if (t == null || !t.isEnum()) {
            return "";
        }
        Method jsonValue = null;
        for (Method m : t.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
                jsonValue = m;
            }
        }
        List<String> names = new ArrayList<>();
        for (Object c : t.getEnumConstants()) {
            try {
                names.add(jsonValue == null ? c.toString() : String.valueOf(jsonValue.invoke(c)));
            } catch (ReflectiveOperationException e) {
                names.add(c.toString());
            }
        }
        return " " + String.join(", ", names);
    }

    private static String describeValue(Object v) {
        if (v instanceof String s) {
            return "the string \"" + InputException.abbreviate(s, 40) + "\"";
        }
        return String.valueOf(v);
    }

    /** A JSON value described for a message: {@code the string "abc"}, {@code the number 3}, {@code an array}. */
    public static String describeNode(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + InputException.abbreviate(n.asText(), 40) + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

}
