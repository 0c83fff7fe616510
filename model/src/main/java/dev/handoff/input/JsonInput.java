package dev.handoff.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.nio.file.Path;

/**
 * Reads the JSON files Handoff Workbench keeps (bundles, run folders, checkpoints' settings, data files) as untrusted
 * input: the size is checked before a byte is read, nesting, tokens and strings are bounded while parsing
 * ({@link InputLimits}), types are strict (a string {@code "NaN"} is not a number, {@code 1.5} is not a count), and
 * every failure is an {@link InputException} naming the file and the JSON Pointer or line of the problem.
 */
public final class JsonInput {
    private static final ObjectMapper MAPPER = strict()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // files written by newer builds may add fields
            .build();

    private JsonInput() {
    }

    /** The read-side constraints every JSON format shares (nesting, tokens, string and name lengths). */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth((int) InputLimits.JSON_DEPTH.value())
                .maxTokenCount(InputLimits.JSON_TOKENS.value())
                .maxStringLength((int) InputLimits.STRING_CHARS.value())
                .maxNameLength((int) InputLimits.STRING_CHARS.value())
                .maxDocumentLength(InputLimits.FILE_BYTES.value())
                .build();
    }

    /**
     * A mapper builder with the strict settings of every format: the {@link #constraints()}, duplicate keys refused,
     * no coercion between strings, numbers and booleans, no float where a whole number belongs, no null for a primitive.
     */
    public static JsonMapper.Builder strict() {
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(constraints())
                .build();
        return JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(StrictNumbers.module())
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** A JSON file as a tree (the document must be one value, nothing after it). */
    public static JsonNode readTree(Path file, String source) throws InputException {
        return parseTree(InputFiles.readText(file, source), source);
    }

    /** JSON text as a tree; an empty text is refused. */
    public static JsonNode parseTree(String text, String source) throws InputException {
        if (text.isBlank()) {
            throw InputException.of(source, "the file is empty");
        }
        try {
            JsonNode root = JsonProblems.readTree(MAPPER, text);
            if (root == null) {
                throw InputException.of(source, "the file is empty");
            }
            return root;
        } catch (JsonProblems.ParseFailure e) {
            throw e.problem().in(source, e);
        }
    }

    /** A tree bound to a type; a wrong type, a missing or null required value is refused at its JSON Pointer. */
    public static <T> T bind(JsonNode tree, Class<T> type, String source) throws InputException {
        try {
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw InputException.of(source, "expected " + JsonProblems.typeName(type) + ", found null");
            }
            return value;
        } catch (JacksonException e) {
            throw JsonProblems.binding(e, tree).in(source, e);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a record's constructor refused a value: no path from Jackson, so the document as a whole
            throw InputException.of(source, "invalid value: " + e.getMessage());
        }
    }

    /** A JSON file read into a type: {@link #readTree} then {@link #bind}. */
    public static <T> T read(Path file, Class<T> type, String source) throws InputException {
        return bind(readTree(file, source), type, source);
    }

}
