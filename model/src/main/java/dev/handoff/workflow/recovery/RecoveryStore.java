package dev.handoff.workflow.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.util.AtomicFiles;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The recovery folder: unsaved edits autosaved by each open document ({@link Session}), one sub-folder per document
 * holding {@code workflow.json} (the document as it was) and {@code origin.json} (its file, when it was written, and
 * the process that wrote it). A folder whose process is gone — the app crashed or was killed — is an
 * {@link RecoveryEntry} the next start offers to recover. A clean exit, a save or a discard removes its folder.
 */
public final class RecoveryStore {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    static final String WORKFLOW = "workflow.json";
    static final String ORIGIN = "origin.json";

    private final Path root;
    private final long pid;
    private final Instant processStart;

    public RecoveryStore(Path root) {
        this(root, ProcessHandle.current());
    }

    /** A store whose sessions are owned by {@code owner} (tests use a finished process: the autosaves of a crash). */
    public RecoveryStore(Path root, ProcessHandle owner) {
        this.root = root.toAbsolutePath();
        this.pid = owner.pid();
        this.processStart = owner.info().startInstant().orElse(Instant.EPOCH);
    }

    public Path root() {
        return root;
    }

    /** A new place for one open document's autosaves (nothing is written until its first {@link Session#save}). */
    public Session openSession() {
        return new Session(root.resolve(pid + "-" + processStart.toEpochMilli() + "-" + SESSIONS.incrementAndGet()));
    }

    /** Autosaves left by processes that are no longer running, newest first; unreadable ones are left alone. */
    public List<RecoveryEntry> orphaned() {
        List<RecoveryEntry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                read(folder).filter(e -> !isRunning(e.ownerPid(), e.ownerStart())).ifPresent(out::add);
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the recovery folder {}", root, e);
        }
        out.sort(Comparator.comparing(RecoveryEntry::savedAt).reversed());
        return out;
    }

    /** Removes an entry (recovered into a new session, or discarded by the user). */
    public void discard(RecoveryEntry entry) throws IOException {
        deleteFolder(entry.folder());
    }

    private static Optional<RecoveryEntry> read(Path folder) {
        Path origin = folder.resolve(ORIGIN);
        if (!Files.isRegularFile(origin)) {
            return Optional.empty(); // being written, or not ours
        }
        try {
            JsonNode o = JSON.readTree(Files.readString(origin, StandardCharsets.UTF_8));
            Workflow w = WorkflowJson.read(folder.resolve(WORKFLOW));
            String file = o.path("file").isTextual() ? o.get("file").asText() : null;
            return Optional.of(new RecoveryEntry(folder, w, file == null ? null : Path.of(file),
                    Instant.parse(o.path("savedAt").asText()), o.path("pid").asLong(),
                    Instant.parse(o.path("processStart").asText())));
        } catch (IOException | WorkflowLoadException | RuntimeException e) {
            LOG.warn("Skipping the unreadable recovery folder {}", folder, e);
            return Optional.empty();
        }
    }

    static boolean isRunning(long pid, Instant start) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(s -> s.toEpochMilli() == start.toEpochMilli()).orElse(true))
                .orElse(false);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** One open document's autosaves. */
    public final class Session {
        private final Path folder;

        Session(Path folder) {
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }

        /**
         * Writes the document as it is now (each file atomically: a crash mid-write keeps the previous autosave);
         * {@code file} is where the document belongs, null while it is untitled.
         */
        public void save(Workflow workflow, Path file) throws IOException {
            Files.createDirectories(folder);
            WorkflowJson.write(workflow, folder.resolve(WORKFLOW));
            ObjectNode o = JSON.createObjectNode();
            o.put("formatVersion", 1);
            if (file != null) {
                o.put("file", file.toAbsolutePath().toString());
            } else {
                o.putNull("file");
            }
            o.put("savedAt", Instant.now().toString());
            o.put("pid", pid);
            o.put("processStart", processStart.toString());
            AtomicFiles.write(folder.resolve(ORIGIN),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o), null);
        }

        /** Nothing left to recover (saved, discarded, or closed cleanly). */
        public void clear() throws IOException {
            deleteFolder(folder);
        }
    }
}
