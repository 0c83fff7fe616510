package dev.handoff.views.document;

import dev.handoff.views.Fixtures;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;
import dev.handoff.workflow.edit.DocumentEdits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentViewModelTest {
    private final DocumentViewModel doc = new DocumentViewModel(new ModelWorkflowFiles(), BlankWorkflow::create);

    @Test
    void aNewDocumentIsUntitledUnmodifiedWithNothingToUndo() {
        assertThat(doc.titleProperty().get()).isEqualTo("Handoff Workbench — Untitled");
        assertThat(doc.isModified()).isFalse();
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.undoDescriptionProperty().get()).isEmpty();
    }

    @Test
    void anEditMarksTheDocumentModifiedAndNamesTheUndo() {
        doc.execute(DocumentEdits.setName(doc.document(), "Mine"));
        assertThat(doc.document().name()).isEqualTo("Mine");
        assertThat(doc.isModified()).isTrue();
        assertThat(doc.titleProperty().get()).endsWith(" *");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Rename workflow to Mine");
    }

    @Test
    void undoBackToTheSavedDocumentClearsModifiedAndRedoReappliesIt() {
        Workflow original = doc.document();
        doc.execute(DocumentEdits.setName(original, "Mine"));
        doc.undo();
        assertThat(doc.document()).isEqualTo(original);
        assertThat(doc.isModified()).isFalse();
        assertThat(doc.canRedoProperty().get()).isTrue();
        assertThat(doc.redoDescriptionProperty().get()).isEqualTo("Rename workflow to Mine");
        doc.redo();
        assertThat(doc.document().name()).isEqualTo("Mine");
        assertThat(doc.canRedoProperty().get()).isFalse();
    }

    @Test
    void aNewEditDropsTheRedoStack() {
        doc.execute(DocumentEdits.setName(doc.document(), "A"));
        doc.undo();
        doc.execute(DocumentEdits.setName(doc.document(), "B"));
        assertThat(doc.canRedoProperty().get()).isFalse();
    }

    @Test
    void editsThatChangeNothingAreNotUndoSteps() {
        doc.execute(DocumentEdits.setName(doc.document(), doc.document().name()));
        assertThat(doc.canUndoProperty().get()).isFalse();
    }

    @Test
    void editsWithTheSameMergeKeyBecomeOneUndoStep() {
        Workflow original = doc.document();
        doc.execute(DocumentEdits.setName(doc.document(), "S"), "name");
        doc.execute(DocumentEdits.setName(doc.document(), "So"), "name");
        doc.execute(DocumentEdits.setName(doc.document(), "Sol"), "name");
        assertThat(doc.undoDescriptionProperty().get()).isEqualTo("Rename workflow to Sol");
        doc.undo();
        assertThat(doc.document()).isEqualTo(original);
        assertThat(doc.canUndoProperty().get()).isFalse();
    }

    @Test
    void sealingStopsMerging() {
        doc.execute(DocumentEdits.setName(doc.document(), "S"), "name");
        doc.sealLastEdit();
        doc.execute(DocumentEdits.setName(doc.document(), "So"), "name");
        doc.undo();
        assertThat(doc.document().name()).isEqualTo("S");
    }

    @Test
    void saveAsThenOpenGivesTheSameDocumentAndTheFileInTheTitle(@TempDir Path dir) throws Exception {
        doc.execute(DocumentEdits.setName(doc.document(), "Saved"));
        Path file = dir.resolve("mine.workflow.json");
        doc.saveAs(file);
        assertThat(doc.isModified()).isFalse();
        assertThat(doc.titleProperty().get()).isEqualTo("Handoff Workbench — mine.workflow.json");
        Workflow saved = doc.document();
        doc.newDocument();
        doc.open(file);
        assertThat(doc.document().withWrittenBy(null)).isEqualTo(saved.withWrittenBy(null));
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.save()).isTrue();
    }

    @Test
    void generationChangesOnNewAndOpenButNotOnEdits() {
        int g = doc.generationProperty().get();
        doc.execute(DocumentEdits.setName(doc.document(), "A"));
        assertThat(doc.generationProperty().get()).isEqualTo(g);
        doc.newDocument();
        assertThat(doc.generationProperty().get()).isEqualTo(g + 1);
    }

    @Test
    void saveWithoutAFileAsksForSaveAs() throws Exception {
        assertThat(doc.save()).isFalse();
    }

    @Test
    void aFileThatDoesNotLoadLeavesTheCurrentDocument(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.workflow.json");
        Files.writeString(bad, "{ \"formatVersion\": 1, \"agents\": 3 }");
        doc.execute(DocumentEdits.setName(doc.document(), "Kept"));
        assertThatThrownBy(() -> doc.open(bad)).isInstanceOf(WorkflowLoadException.class);
        assertThat(doc.document().name()).isEqualTo("Kept");
        assertThat(doc.isModified()).isTrue();
    }

    @Test
    void openingTheRingSampleShowsItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ring.workflow.json");
        WorkflowJson.write(Fixtures.ring10(), file);
        doc.open(file);
        assertThat(doc.document().agents()).hasSize(10);
        assertThat(doc.fileProperty().get()).isEqualTo(file.toAbsolutePath().normalize());
    }
}
