package dev.handoff.views.document;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.edit.DocumentEdits;
import dev.handoff.views.task.SerialLane;
import dev.handoff.workflow.recovery.RecoveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: unsaved edits are autosaved to the recovery folder, removed once saved or undone, and offered back (with
 * what they change) after a crash. View-models only: no screen.
 */
class AutosaveAndRecoveryTest {
    private static final Workflow RING = SyntheticTemplates.ring("Ring", 10, 0.0, 0.1);
    private final DocumentViewModel doc = new DocumentViewModel(new ModelWorkflowFiles(), BlankWorkflow::create);
    private Autosave autosave;

    @AfterEach
    void close() {
        if (autosave != null) {
            autosave.close();
        }
    }

    private Autosave autosave(RecoveryStore store) {
        autosave = new Autosave(doc, store.openSession(), new SerialLane("test-autosave"), Runnable::run);
        return autosave;
    }

    private static Path saved(Path dir) throws Exception {
        Path file = dir.resolve("ring.workflow.json");
        WorkflowJson.save(RING, file);
        return file;
    }

    private static Workflow autosaved(Autosave a) throws Exception {
        return WorkflowJson.read(a.folder().resolve("workflow.json"));
    }

    @Test
    void onlyUnsavedEditsAreAutosavedAndASaveRemovesThem(@TempDir Path data, @TempDir Path docs) throws Exception {
        Autosave a = autosave(new RecoveryStore(data));
        doc.open(saved(docs));
        a.saveNow();
        assertThat(Files.exists(a.folder())).as("nothing unsaved, nothing autosaved").isFalse();

        doc.execute(DocumentEdits.rename(doc.document(), "a3", "Verifier"));
        a.saveNow();
        assertThat(autosaved(a).agent("a3").orElseThrow().name()).isEqualTo("Verifier");
        assertThat(a.lastAutosaveProperty().get()).isNotNull();
        doc.execute(DocumentEdits.delete(doc.document(), List.of("a5"), List.of()));
        a.saveNow();
        assertThat(autosaved(a).agentIndex("a5")).isNegative();

        doc.save();
        a.flush();
        assertThat(Files.exists(a.folder())).as("saved: the autosave is gone").isFalse();
    }

    @Test
    void undoingBackToTheSavedDocumentRemovesTheAutosave(@TempDir Path data, @TempDir Path docs) throws Exception {
        Autosave a = autosave(new RecoveryStore(data));
        doc.open(saved(docs));
        doc.execute(DocumentEdits.setName(doc.document(), "Renamed"));
        a.saveNow();
        assertThat(Files.exists(a.folder())).isTrue();
        doc.undo();
        a.flush();
        assertThat(Files.exists(a.folder())).isFalse();
    }

    @Test
    void aFailingAutosaveSaysWhyAndTheDocumentStays(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the recovery folder should be");
        Autosave a = autosave(new RecoveryStore(notAFolder.resolve("recovery")));
        doc.execute(DocumentEdits.setName(doc.document(), "Mine"));
        a.saveNow();
        assertThat(a.problemProperty().get()).startsWith("Autosave failed: ");
        assertThat(doc.document().name()).isEqualTo("Mine");
    }

    @Test
    void afterACrashTheEditsAreOfferedWithTheirChangesAndRecovered(@TempDir Path data, @TempDir Path docs) throws Exception {
        Path file = saved(docs);
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Workflow edited = DocumentEdits.delete(RING, List.of("a3"), List.of()).after().withName("Ring, edited");
        new RecoveryStore(data, gone.toHandle()).openSession().save(edited, file);

        RecoveryStore store = new RecoveryStore(data);
        RecoveryViewModel vm = new RecoveryViewModel(store, doc, autosave(store));
        assertThat(vm.refresh()).isTrue();
        RecoveryViewModel.Offer offer = vm.offers().get(0);
        assertThat(offer.title()).startsWith("ring.workflow.json, autosaved ");
        assertThat(offer.changes()).startsWith("unsaved changes: agents: 1 removed (Agent 3); handoffs: ")
                .endsWith("; name changed");

        vm.recover(offer);
        assertThat(WorkflowJson.write(doc.document())).isEqualTo(WorkflowJson.write(edited));
        assertThat(doc.fileProperty().get()).isEqualTo(file.toAbsolutePath());
        assertThat(doc.isModified()).isTrue();
        assertThat(doc.titleProperty().get()).isEqualTo("Handoff Workbench — ring.workflow.json *");
        assertThat(vm.offers()).isEmpty();
        assertThat(store.orphaned()).as("the crashed session's folder is gone").isEmpty();
        assertThat(autosaved(autosave)).as("and this session keeps the edits").isEqualTo(doc.document().withWrittenBy(autosaved(autosave).writtenBy()));
    }

    @Test
    void discardingAnOfferDropsItForGood(@TempDir Path data) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        new RecoveryStore(data, gone.toHandle()).openSession().save(RING, null);
        RecoveryStore store = new RecoveryStore(data);
        RecoveryViewModel vm = new RecoveryViewModel(store, doc, autosave(store));
        assertThat(vm.refresh()).isTrue();
        assertThat(vm.offers().get(0).title()).startsWith("Untitled workflow \u201cRing\u201d, autosaved ");
        assertThat(vm.offers().get(0).changes()).isEqualTo("not saved yet: 10 agents, 30 handoffs");
        vm.discard(vm.offers().get(0));
        assertThat(vm.refresh()).isFalse();
    }
}
