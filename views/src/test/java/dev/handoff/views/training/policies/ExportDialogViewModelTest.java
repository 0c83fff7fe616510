package dev.handoff.views.training.policies;

import dev.handoff.train.Algorithm;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainingDashboardViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.gap;
import static dev.handoff.views.training.DashboardFixtures.trainToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19.9: the export dialog starts at the run's own folder, takes a typed path (Export enabled exactly when it can
 * be written, and why not otherwise), and writes the bundle there.
 */
class ExportDialogViewModelTest {
    @Test
    void startsAtTheRunsFolderAndExportsWhereverATypedPathCanBeWritten(@TempDir Path runs, @TempDir Path elsewhere)
            throws Exception {
        TrainingDashboardViewModel vm = dashboard(gap(100_000), runs);
        trainToTheEnd(vm, TrainingMode.COMPARE, 1);
        PoliciesViewModel policies = vm.policies();
        ExportDialogViewModel dialog = policies.exportDialog(policies.exportChoices());

        ExportChoice icq = new ExportChoice(Algorithm.ICQ_TABULAR, 1);
        Path icqFolder = vm.run().live().runFolders().get(Algorithm.ICQ_TABULAR);
        assertThat(dialog.choiceProperty().get()).isEqualTo(icq);
        assertThat(dialog.folderProperty().get()).isEqualTo(icqFolder.toString());
        assertThat(dialog.canExportProperty().get()).isTrue();
        assertThat(dialog.bundleDirProperty().get())
                .isEqualTo(icqFolder.resolve(vm.trained().fileSafeName() + "-icq-tabular-seed1-policies"));
        assertThat(dialog.messageProperty().get()).startsWith("Writes " + icqFolder);

        // another learner, folder not typed yet: the default follows that learner's run folder
        ExportChoice independent = new ExportChoice(Algorithm.INDEPENDENT, 1);
        dialog.choiceProperty().set(independent);
        assertThat(dialog.folderProperty().get()).isEqualTo(vm.run().live().runFolders().get(Algorithm.INDEPENDENT).toString());

        // typed paths: relative, a file, nothing — Export disabled with a reason
        dialog.folderProperty().set("bundles/here");
        assertThat(dialog.canExportProperty().get()).isFalse();
        assertThat(dialog.messageProperty().get()).contains("whole path");
        Path file = Files.writeString(elsewhere.resolve("notes.txt"), "x");
        dialog.folderProperty().set(file.toString());
        assertThat(dialog.canExportProperty().get()).isFalse();
        assertThat(dialog.messageProperty().get()).contains("is a file");
        dialog.folderProperty().set("   ");
        assertThat(dialog.canExportProperty().get()).isFalse();

        // a folder that does not exist yet is made; a typed folder is kept when the learner changes
        Path typed = elsewhere.resolve("new/deeper");
        dialog.folderProperty().set(typed.toString());
        assertThat(dialog.canExportProperty().get()).isTrue();
        assertThat(dialog.messageProperty().get()).endsWith("(the missing folders are made)");
        dialog.choiceProperty().set(icq);
        assertThat(dialog.folderProperty().get()).isEqualTo(typed.toString());
        assertThat(dialog.browseStart()).isEqualTo(elsewhere);
        Path written = dialog.export();
        assertThat(written.resolve("bundle.json")).exists();
        assertThat(written.getParent()).isEqualTo(typed);
        assertThat(vm.run().notificationProperty().get()).startsWith("Exported IC-Q, seed 1");
        assertThat(dialog.messageProperty().get()).as("checked again on the next keystroke").isNotNull();
        dialog.folderProperty().set(typed + " ");
        assertThat(dialog.messageProperty().get()).startsWith("Replaces the bundle in ");

        // the folder picker's answer fills the path; ~ is the home folder
        dialog.browsed(elsewhere);
        assertThat(dialog.folderProperty().get()).isEqualTo(elsewhere.toString());
        dialog.folderProperty().set("~");
        assertThat(dialog.bundleDirProperty().get().getParent()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void aSavedRunsSeedStartsAtThatRunsFolder(@TempDir Path runs) throws Exception {
        TrainingDashboardViewModel vm = dashboard(gap(60_000), runs);
        trainToTheEnd(vm, TrainingMode.ICQ_TABULAR, 1);
        vm.run().reset();
        List<ExportChoice> saved = vm.policies().exportChoices(vm.runs().runs().get(0));
        ExportDialogViewModel dialog = vm.policies().exportDialog(saved);
        assertThat(dialog.folderProperty().get()).isEqualTo(vm.runs().runs().get(0).dir().toString());
        assertThat(dialog.canExportProperty().get()).isTrue();
        assertThat(dialog.export().resolve("bundle.json")).exists();
    }

    @Test
    void withNothingToExportTheDialogSaysSo() throws Exception {
        ExportDialogViewModel dialog = dashboard(gap(1000), null).policies().exportDialog(List.of());
        assertThat(dialog.canExportProperty().get()).isFalse();
        assertThat(dialog.messageProperty().get()).contains("No trained seed");
    }
}
