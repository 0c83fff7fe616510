package dev.handoff.workflow.edit;

import dev.handoff.workflow.Workflow;

import java.util.Objects;

/**
 * One undoable change of a workflow document with a name a person reads in the Edit menu ("Connect Solver → Verifier").
 * Like Scene Builder's editor jobs it captures everything at construction: since {@link Workflow} is an immutable
 * record, an edit is simply the document before and after, so a compound change (paste, auto-layout) is one edit.
 */
public final class WorkflowEdit {
    private final String description;
    private final Workflow before;
    private final Workflow after;

    public WorkflowEdit(String description, Workflow before, Workflow after) {
        this.description = Objects.requireNonNull(description, "description");
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
    }

    /** A human name for the edit, as the Undo/Redo menu entries show it. */
    public String description() {
        return description;
    }

    /** Whether applying this edit would change anything (an edit that changes nothing is not pushed on the undo stack). */
    public boolean isExecutable() {
        return !before.equals(after);
    }

    /** The same change under another name (a delete that is really a "Cut"). */
    public WorkflowEdit withDescription(String newDescription) {
        return new WorkflowEdit(newDescription, before, after);
    }

    public Workflow before() {
        return before;
    }

    public Workflow after() {
        return after;
    }

    /** Applies the edit to the document it was made for. */
    public Workflow apply(Workflow current) {
        requireSame(current, before, "apply");
        return after;
    }

    /** Reverts the edit: the current document must be the one this edit produced. */
    public Workflow undo(Workflow current) {
        requireSame(current, after, "undo");
        return before;
    }

    /** Re-applies an undone edit. */
    public Workflow redo(Workflow current) {
        requireSame(current, before, "redo");
        return after;
    }

    private void requireSame(Workflow current, Workflow expected, String what) {
        if (!expected.equals(current)) {
            throw new IllegalStateException("Cannot " + what + " \"" + description + "\": the document has changed since");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
