package dev.handoff.workflow;

import dev.handoff.util.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.input.InputException;
import dev.handoff.input.InputLimits;
import dev.handoff.input.InputFiles;
import dev.handoff.input.JsonInput;
import dev.handoff.input.JsonProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            text = InputFiles.readText(file, name); // size, folder, permissions and UTF-8 checked before parsing
        } catch (InputException e) {
            throw new WorkflowLoadException(name, List.of(new Problem("", e.detail())), e);
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
            root = JsonProblems.readTree(MAPPER, json); // line and column, or the pointer of a read limit
        } catch (JsonProblems.ParseFailure e) {
            throw new WorkflowLoadException(source, List.of(new Problem(e.problem().pointer(), e.problem().messageWithPlace())), e);
        }
        if (root == null) {
            throw new WorkflowLoadException(source, List.of(new Problem("", "the document is empty")));
        }
        if (!root.isObject()) {
            throw new WorkflowLoadException(source,
                    List.of(new Problem("", "a workflow document is a JSON object, found " + describeNode(root))));
        }
        ObjectNode doc = (ObjectNode) root;
        checkSizes(doc, source);
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
            problems.add(syntaxProblem(e));
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

    /** The documented limits on agents, handoffs and features, checked on the tree before records are built. */
    private static void checkSizes(ObjectNode doc, String source) throws WorkflowLoadException {
        List<Problem> problems = new ArrayList<>();
        checkSize(doc.path("agents"), "/agents", InputLimits.AGENTS, problems);
        checkSize(doc.path("handoffs"), "/handoffs", InputLimits.HANDOFFS, problems);
        checkSize(doc.path("artifact").path("features"), "/artifact/features", InputLimits.FEATURES, problems);
        if (!problems.isEmpty()) {
            throw new WorkflowLoadException(source, problems);
        }
    }

    private static void checkSize(JsonNode array, String path, InputLimits.Limit limit, List<Problem> problems) {
        if (array.isArray() && !limit.allows(array.size())) {
            problems.add(new Problem(path, limit.exceeded(array.size())));
        }
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

    private static Problem bindingProblem(DatabindException e, JsonNode root) {
        JsonProblems.JsonProblem b = JsonProblems.binding(e, root);
        return new Problem(b.pointer(), b.message());
    }

    private static Problem syntaxProblem(JacksonException e) {
        JsonProblems.JsonProblem p = JsonProblems.syntax(e);
        return new Problem(p.pointer(), p.messageWithPlace());
    }

    private static String describeNode(JsonNode n) {
        return JsonProblems.describeNode(n);
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
     * Writes a workflow file atomically ({@link AtomicFiles}): a crash never leaves a half-written document in place of
     * the file. For files the program generates ({@code handoff new}, run folders); the editor uses {@link #save}.
     */
    public static void write(Workflow workflow, Path file) throws IOException {
        AtomicFiles.write(file, write(workflow).getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Saves the user's document atomically and keeps the version it replaces as {@code name.workflow.json.bak}
     * ({@link #backupOf}). If anything fails, the file on disk is unchanged.
     */
    public static void save(Workflow workflow, Path file) throws IOException {
        AtomicFiles.write(file, write(workflow).getBytes(StandardCharsets.UTF_8), backupOf(file));
    }

    /** Where {@link #save} keeps the previous version of {@code file}: the same name with {@code .bak} added. */
    public static Path backupOf(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".bak");
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
        return JsonInput.strict() // strict types and the read limits every format shares
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
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
