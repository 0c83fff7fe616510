package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes workflow documents ({@code *.workflow.json}).
 * <p>
 * Output is deterministic so files diff well: 2-space indentation, {@code "key": value}, fields in each record's
 * {@code @JsonPropertyOrder}, map keys sorted, {@code \n} line endings and a trailing newline; a loaded and re-saved
 * document is byte-identical. Saving stamps the current {@link Workflow#FORMAT_VERSION} and
 * {@link AppVersion#writtenBy()}. Numbers keep their JSON text where their Java type allows: environment parameters
 * stay integers ({@code 10}) or doubles ({@code 0.3}); typed real fields and doubles are written in Java's canonical
 * form ({@code 0.0}, {@code 1.0E-4}), so a hand-written {@code 0} or {@code 1e-4} changes once, on the first save.
 * Loading never throws anything but {@link WorkflowLoadException}, whose
 * {@link Problem}s carry JSON Pointer paths ({@code ""} for syntax errors, which give line and column instead).
 */
public final class WorkflowJson {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowJson.class);

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private WorkflowJson() {
    }

    /** The Jackson mapper configured for workflow documents (strict types, sorted maps); do not reconfigure it. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    // ---------------------------------------------------------------- reading

    /** Loads a workflow file (UTF-8). Unreadable files are reported as a problem at path {@code ""}; the
     * exception's source name is the path as given. */
    public static Workflow read(Path file) throws WorkflowLoadException {
        String name = file.toString(); // as the user named it: problems of the whole file are reported under it
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark some Windows editors add
            }
        } catch (NoSuchFileException e) {
            throw new WorkflowLoadException(name, List.of(new Problem("", "file not found")), e);
        } catch (CharacterCodingException e) {
            throw new WorkflowLoadException(name, List.of(new Problem("", "the file is not UTF-8 text")), e);
        } catch (IOException e) {
            throw new WorkflowLoadException(name, List.of(new Problem("", "cannot read the file: " + e.getMessage())), e);
        }
        return parse(text, name);
    }

    /**
     * Parses a workflow document. {@code sourceName} only labels the exception (a file name, "clipboard" ...).
     *
     * @throws WorkflowLoadException listing what is wrong, each problem at a JSON Pointer path
     */
    public static Workflow parse(String json, String sourceName) throws WorkflowLoadException {
        String source = sourceName == null ? "workflow" : sourceName;
        if (json == null || json.isBlank()) {
            throw new WorkflowLoadException(source, List.of(new Problem("", "the document is empty")));
        }
        try {
            return parseChecked(json, source);
        } catch (WorkflowLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            // The contract is "only WorkflowLoadException"; anything else is a bug in our mapping, reported not thrown.
            LOG.warn("Unexpected failure reading {}", source, e);
            throw new WorkflowLoadException(source, List.of(new Problem("", "cannot read the document: " + e)), e);
        }
    }

    private static Workflow parseChecked(String json, String source) throws WorkflowLoadException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WorkflowLoadException(source, List.of(syntaxProblem(e)), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkflowLoadException(source, List.of(new Problem("", "the document is empty")));
        }
        if (!root.isObject()) {
            throw new WorkflowLoadException(source,
                    List.of(new Problem("", "a workflow document is a JSON object, found " + describeNode(root))));
        }
        ObjectNode doc = (ObjectNode) root;
        int version = checkFormatVersion(doc, source);
        migrate(doc, version, source);

        List<Problem> unknown = UnknownProperties.find(doc);
        Workflow workflow;
        try {
            // unknown properties were all found above, with their paths; skip them here to find type errors too
            TypeErrors.Result<Workflow> bound = TypeErrors.bind(
                    MAPPER.readerFor(Workflow.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), MAPPER, doc,
                    WorkflowJson::bindingProblem);
            if (!bound.problems().isEmpty()) {
                List<Problem> problems = new ArrayList<>(unknown);
                List<Problem> missing = RequiredFields.missing(doc);
                problems.addAll(missing);
                for (Problem binding : bound.problems()) {
                    if (missing.stream().noneMatch(m -> m.path().equals(binding.path()))) {
                        problems.add(binding);
                    }
                }
                throw new WorkflowLoadException(source, problems, bound.first());
            }
            workflow = bound.value();
        } catch (StreamReadException e) {
            List<Problem> problems = new ArrayList<>(unknown);
            JsonParser p = e.getProcessor();
            String path = p == null || p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
            problems.add(new Problem(path, e.getOriginalMessage()));
            throw new WorkflowLoadException(source, problems, e);
        } catch (IOException e) {
            throw new WorkflowLoadException(source, List.of(new Problem("", "cannot read the document: " + e.getMessage())), e);
        }
        List<Problem> problems = new ArrayList<>(unknown);
        problems.addAll(RequiredFields.missing(doc));
        if (!problems.isEmpty()) {
            throw new WorkflowLoadException(source, problems);
        }
        return workflow;
    }

    private static int checkFormatVersion(ObjectNode doc, String source) throws WorkflowLoadException {
        JsonNode v = doc.get("formatVersion");
        String writtenBy = doc.path("writtenBy").isTextual() ? doc.get("writtenBy").asText() : "an unknown application";
        String known = "this build (" + AppVersion.writtenBy() + ") reads format versions up to " + Workflow.FORMAT_VERSION;
        if (v == null || v.isNull()) {
            throw new WorkflowLoadException(source, List.of(new Problem("/formatVersion",
                    "missing formatVersion: a workflow document says which format it uses; " + known)));
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new WorkflowLoadException(source, List.of(new Problem("/formatVersion",
                    "formatVersion must be a whole number, found " + describeNode(v))));
        }
        int version = v.intValue();
        if (version > Workflow.FORMAT_VERSION) {
            throw new WorkflowLoadException(source, List.of(new Problem("/formatVersion",
                    "format version " + version + " was written by a newer app (" + writtenBy + "); " + known
                            + ". Open it with a newer Handoff Workbench.")));
        }
        if (version < 1) {
            throw new WorkflowLoadException(source, List.of(new Problem("/formatVersion",
                    "formatVersion " + version + " is not a format version (they start at 1)")));
        }
        return version;
    }

    /**
     * Brings an older document up to {@link Workflow#FORMAT_VERSION}, one small step per version (v1 → v2 → ...); a
     * format change adds its step here and a test that loads a file written in every older version.
     * <ul>
     *   <li>1 → 2: version 2 added {@code training.neural}; a version-1 document has none, so its neural learner runs
     *       with the defaults, as it did. Nothing to rewrite, but a version-1 document that has the block was not written
     *       by a version-1 app and is refused.</li>
     * </ul>
     */
    private static void migrate(ObjectNode doc, int fromVersion, String source) throws WorkflowLoadException {
        if (fromVersion < 2 && doc.path("training").has("neural")) {
            throw new WorkflowLoadException(source, List.of(new Problem("/training/neural", "format version "
                    + fromVersion + " has no neural settings (they came with format version 2): set formatVersion to "
                    + Workflow.FORMAT_VERSION)));
        }
        doc.put("formatVersion", Workflow.FORMAT_VERSION);
    }

    private static Problem syntaxProblem(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String msg = e.getOriginalMessage();
        int cut = msg == null ? -1 : msg.indexOf('\n');
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        return new Problem("", "not valid JSON" + where + ": " + msg);
    }

    private static Problem bindingProblem(DatabindException e, JsonNode root) {
        String path = e instanceof JsonMappingException jme ? pointer(jme.getPath()) : "";
        JsonNode found = root.at(path.isEmpty() ? "" : path);
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = unknownPropertyMessage(u.getPropertyName(), u.getKnownPropertyIds());
        } else if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            message = "expected " + typeName(target) + allowedValues(target) + ", found " + describeValue(f.getValue());
        } else if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException) {
                // a record's List.copyOf met a null element: point at it
                String nullAt = nullListElement(found, path);
                return new Problem(nullAt == null ? path : nullAt, "null is not allowed in a list");
            }
            message = "invalid value: " + (cause == null ? v.getOriginalMessage() : cause.getMessage());
        } else if (found.isMissingNode() && e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                && jme.getPath().get(jme.getPath().size() - 1).getFieldName() != null) {
            message = "missing required field \"" + jme.getPath().get(jme.getPath().size() - 1).getFieldName() + "\"";
        } else if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            message = "expected " + (target == null ? "another kind of value" : typeName(target) + allowedValues(target))
                    + (found.isMissingNode() ? "" : ", found " + describeNode(found));
        } else if (found.isNumber()) {
            message = "the number " + found.asText() + " is out of range here";
        } else {
            String original = e.getOriginalMessage();
            int cut = original == null ? -1 : original.indexOf('\n');
            message = cut >= 0 ? original.substring(0, cut) : original;
        }
        return new Problem(path, message);
    }

    /** Path of the first null element of an array directly inside {@code node} (or of {@code node} itself). */
    private static String nullListElement(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    return JsonPointers.child(path, i);
                }
            }
        }
        if (node.isObject()) {
            java.util.Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray()) {
                    String p = nullListElement(e.getValue(), JsonPointers.child(path, e.getKey()));
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private static String pointer(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String unknownPropertyMessage(String name, Collection<Object> known) {
        List<String> names = new ArrayList<>();
        if (known != null) {
            for (Object k : known) {
                names.add(String.valueOf(k));
            }
        }
        String expected = names.isEmpty() ? "" : " (expected one of: " + String.join(", ", new TreeSet<>(names)) + ")";
        return "unknown property \"" + name + "\"" + DidYouMean.suffix(name, names) + expected;
    }

    private static String typeName(Class<?> t) {
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
        if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(t) || t.isRecord() || t == Object.class) {
            return "an object";
        }
        return t.getSimpleName();
    }

    private static String allowedValues(Class<?> t) {
        if (t != null && t == FeatureType.class) {
            List<String> names = new ArrayList<>();
            for (FeatureType ft : FeatureType.values()) {
                names.add(ft.json());
            }
            return " " + String.join(", ", names);
        }
        if (t != null && t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(c.toString());
            }
            return " " + String.join(", ", names);
        }
        return "";
    }

    private static String describeValue(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private static String describeNode(JsonNode n) {
        if (n.isTextual()) {
            String s = n.asText();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
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
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- writing

    /** The document text: the workflow stamped with the current format version and {@link AppVersion#writtenBy()}. */
    public static String write(Workflow workflow) {
        Workflow stamped = stamp(workflow);
        try {
            return WRITER.writeValueAsString(stamped) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write workflow " + workflow.name(), e);
        }
    }

    /**
     * Saves a workflow: writes a temporary file in the same directory, forces it to disk, then atomically moves it
     * over {@code file}, so a crash never leaves a half-written document in place of the user's file.
     */
    public static void write(Workflow workflow, Path file) throws IOException {
        byte[] bytes = write(workflow).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temp file is created owner-only; give it the old file's permissions (or rw-r--r-- for a new file). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(perms);
    }

    static Workflow stamp(Workflow w) {
        return new Workflow(Workflow.FORMAT_VERSION, AppVersion.writtenBy(), w.name(), w.description(), w.artifact(),
                w.agents(), w.handoffs(), w.environment(), w.training(), w.layout());
    }

    /** The document as a tree (for hashing and tools); same content as {@link #write(Workflow)}. */
    static ObjectNode toTree(Workflow workflow) {
        return MAPPER.valueToTree(stamp(workflow));
    }

    /** Deterministic text of a tree, in the document style. */
    static String writeTree(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- configuration

    private static ObjectMapper createMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // records have helpers like HandoffSpec.isStop(): only record components are document fields
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators);
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }
}
