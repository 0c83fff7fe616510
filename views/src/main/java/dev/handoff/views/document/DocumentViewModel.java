package dev.handoff.views.document;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.edit.WorkflowEdit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The open workflow document: its current {@link Workflow}, file, modified flag and window title, and the undo stack
 * of named {@link WorkflowEdit}s. Every change of the document goes through {@link #execute}, {@link #undo} or
 * {@link #redo}; "modified" means "differs from what was last opened or saved", so undoing back clears it.
 */
public final class DocumentViewModel {
    public static final String APP_TITLE = "Handoff Workbench";

    private final WorkflowFiles files;
    private final Supplier<Workflow> blankDocument;
    private final ReadOnlyObjectWrapper<Workflow> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper generation =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "generation");
    private final Deque<Entry> undoStack = new ArrayDeque<>();
    private final Deque<Entry> redoStack = new ArrayDeque<>();
    private Workflow savedDocument;

    /** One undo-stack entry; a merge key lets a run of keystrokes in one field become one edit. */
    private record Entry(WorkflowEdit edit, String mergeKey) {
    }

    public DocumentViewModel(WorkflowFiles files, Supplier<Workflow> blankDocument) {
        this.files = Objects.requireNonNull(files);
        this.blankDocument = Objects.requireNonNull(blankDocument);
        reset(blankDocument.get(), null);
    }

    // ---- state

    public ReadOnlyObjectProperty<Workflow> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public Workflow document() {
        return document.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    /** "Handoff Workbench — ring.workflow.json *" (the star while there are unsaved changes). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Changes each time another document is opened or a new one created (not on edits): views re-fit on it. */
    public javafx.beans.property.ReadOnlyIntegerProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Description of the edit Undo would revert ("Connect Solver → Verifier"), empty when there is none. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    // ---- commands

    /** Replaces the document by a blank one (the caller asks about unsaved changes first). */
    public void newDocument() {
        reset(blankDocument.get(), null);
    }

    /** Opens a workflow file; on failure the current document stays and the exception says why. */
    public void open(Path path) throws Exception {
        Workflow w = files.read(path);
        reset(w, path.toAbsolutePath().normalize());
    }

    /**
     * Adopts a workflow made outside the editor (an imported network) as a new, unsaved document: it has no file yet
     * and counts as modified, so closing asks to save it.
     */
    public void adopt(Workflow w) {
        reset(w, null);
        savedDocument = null;
        refresh();
    }

    /**
     * Reopens unsaved work autosaved before a crash: the document as it was, belonging to {@code file} (null when it
     * was untitled). It counts as modified until saved; its undo history did not survive.
     */
    public void recover(Workflow w, Path file) {
        reset(w, file == null ? null : file.toAbsolutePath().normalize());
        savedDocument = null;
        refresh();
    }

    /** Saves to the current file; false when the document has no file yet (use {@link #saveAs}). */
    public boolean save() throws Exception {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get());
        return true;
    }

    public void saveAs(Path path) throws Exception {
        files.write(document.get(), path);
        file.set(path.toAbsolutePath().normalize());
        savedDocument = document.get();
        refresh();
    }

    /** Applies an edit and pushes it on the undo stack; an edit that changes nothing is ignored. */
    public void execute(WorkflowEdit edit) {
        execute(edit, null);
    }

    /**
     * Applies an edit; when {@code mergeKey} equals the key of the edit on top of the stack (e.g. the same text field
     * still being typed in), the two become one edit with the first one's "before". The edit may be made either on the
     * current document or on the document before that run of edits (then its description covers the whole run).
     */
    public void execute(WorkflowEdit edit, String mergeKey) {
        if (!edit.isExecutable()) {
            return;
        }
        Entry top = undoStack.peek();
        boolean merge = mergeKey != null && top != null && mergeKey.equals(top.mergeKey()) && redoStack.isEmpty();
        // an edit restated from the start of the run (so its name says "Agent 1 to Agent X") replaces the run
        boolean restated = merge && edit.before().equals(top.edit().before()) && !edit.before().equals(document.get());
        Workflow after = restated ? edit.after() : edit.apply(document.get());
        if (merge) {
            undoStack.pop();
            WorkflowEdit merged = new WorkflowEdit(edit.description(), top.edit().before(), after);
            if (merged.isExecutable()) {
                undoStack.push(new Entry(merged, mergeKey));
            }
        } else {
            undoStack.push(new Entry(edit, mergeKey));
        }
        redoStack.clear();
        document.set(after);
        refresh();
    }

    /** Ends merging: the next edit starts a new undo step even with the same key. */
    public void sealLastEdit() {
        Entry top = undoStack.peek();
        if (top != null && top.mergeKey() != null) {
            undoStack.pop();
            undoStack.push(new Entry(top.edit(), null));
        }
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        Entry e = undoStack.pop();
        document.set(e.edit().undo(document.get()));
        redoStack.push(new Entry(e.edit(), null));
        refresh();
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        Entry e = redoStack.pop();
        document.set(e.edit().redo(document.get()));
        undoStack.push(e);
        refresh();
    }

    private void reset(Workflow w, Path path) {
        undoStack.clear();
        redoStack.clear();
        savedDocument = w;
        file.set(path);
        document.set(w);
        refresh();
        generation.set(generation.get() + 1);
    }

    private void refresh() {
        modified.set(!document.get().equals(savedDocument));
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().edit().description());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().edit().description());
        String name = file.get() == null ? "Untitled" : String.valueOf(file.get().getFileName());
        title.set(APP_TITLE + " — " + name + (modified.get() ? " *" : ""));
    }
}
