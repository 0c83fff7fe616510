package dev.handoff.workflow;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, "nothing the user made is lost": saving keeps the previous version as {@code .bak}, and a save that fails
 * leaves the file on disk exactly as it was, with no temporary file behind. The tests run as root here, which may
 * write anywhere a permission bit forbids, so each failure is made by something root cannot get past either.
 */
class AtomicSaveTest {
    private static final Workflow FIRST = SampleWorkflows.minimal();
    private static final Workflow SECOND = SampleWorkflows.everyField();

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void saveKeepsThePreviousVersionAsBak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flow.workflow.json");
        WorkflowJson.save(FIRST, file);
        assertThat(names(dir)).containsExactly("flow.workflow.json");

        WorkflowJson.save(SECOND, file);
        assertThat(Files.readString(file)).isEqualTo(WorkflowJson.write(SECOND));
        assertThat(WorkflowJson.backupOf(file)).isEqualTo(dir.resolve("flow.workflow.json.bak"));
        assertThat(Files.readString(dir.resolve("flow.workflow.json.bak"))).isEqualTo(WorkflowJson.write(FIRST));
        assertThat(names(dir)).containsExactly("flow.workflow.json", "flow.workflow.json.bak");

        WorkflowJson.save(FIRST, file);
        assertThat(Files.readString(dir.resolve("flow.workflow.json.bak"))).isEqualTo(WorkflowJson.write(SECOND));
    }

    @Test
    void aSaveThatFailsOnTheWayLeavesTheFileAndNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flow.workflow.json");
        WorkflowJson.save(FIRST, file);
        // a non-empty folder where the backup goes: the save fails after the new text is written, even for root
        Files.createDirectories(dir.resolve("flow.workflow.json.bak/keep"));

        assertThatThrownBy(() -> WorkflowJson.save(SECOND, file)).isInstanceOf(IOException.class);

        assertThat(Files.readString(file)).isEqualTo(WorkflowJson.write(FIRST));
        assertThat(names(dir)).containsExactly("flow.workflow.json", "flow.workflow.json.bak");
    }

    @Test
    void aSaveWhereTheFolderIsAFileFailsWithTheReason(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("projects"), "a file, not a folder");
        assertThatThrownBy(() -> WorkflowJson.save(FIRST, notAFolder.resolve("flow.workflow.json")))
                .isInstanceOf(FileSystemException.class);
        assertThat(Files.readString(notAFolder)).isEqualTo("a file, not a folder");
    }

    /** A read-only folder: {@code chattr +i} makes it so even for root (the permission bits would not). */
    @Test
    void aSaveIntoAReadOnlyFolderFailsAndLeavesTheFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path file = folder.resolve("flow.workflow.json");
        WorkflowJson.save(FIRST, file);
        Assumptions.assumeTrue(run("chattr", "+i", folder.toString()) == 0, "chattr +i is not available on this file system");
        try {
            Assumptions.assumeFalse(Files.isWritable(folder) && canCreateIn(folder), "the folder still takes new files");
            assertThatThrownBy(() -> WorkflowJson.save(SECOND, file)).isInstanceOf(IOException.class);
            assertThat(Files.readString(file)).isEqualTo(WorkflowJson.write(FIRST));
            assertThat(names(folder)).containsExactly("flow.workflow.json");
        } finally {
            run("chattr", "-i", folder.toString());
        }
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException noSuchCommand) {
            return -1;
        }
    }
}
