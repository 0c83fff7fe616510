package dev.handoff.workflow.recovery;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.env.synthetic.SyntheticTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Autosaves of a process that is gone are offered for recovery; those of a running process are not. */
class RecoveryStoreTest {
    private static final Workflow RING = SyntheticTemplates.ring("Ring", 10, 0.0, 0.1);

    /** A process that has already exited: the owner of a crashed session. */
    private static ProcessHandle deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.toHandle();
    }

    @Test
    void aRunningProcessesAutosaveIsNotOfferedButADeadOnesIs(@TempDir Path root, @TempDir Path docs) throws Exception {
        RecoveryStore mine = new RecoveryStore(root);
        mine.openSession().save(RING, null);
        assertThat(mine.orphaned()).isEmpty();

        Path file = docs.resolve("ring.workflow.json");
        WorkflowJson.save(RING, file);
        Workflow edited = RING.withName("Ring, edited");
        new RecoveryStore(root, deadProcess()).openSession().save(edited, file);

        assertThat(mine.orphaned()).singleElement().satisfies(e -> {
            assertThat(e.workflow()).isEqualTo(WorkflowJson.parse(WorkflowJson.write(edited), "x"));
            assertThat(e.sourceFile()).isEqualTo(file.toAbsolutePath());
            assertThat(e.changesFromDisk().summary()).isEqualTo("name changed");
        });
    }

    @Test
    void discardingAndClearingRemoveTheFolders(@TempDir Path root) throws Exception {
        RecoveryStore dead = new RecoveryStore(root, deadProcess());
        RecoveryStore.Session crashed = dead.openSession();
        crashed.save(RING, null);
        RecoveryStore mine = new RecoveryStore(root);
        RecoveryEntry entry = mine.orphaned().get(0);
        assertThat(entry.changesFromDisk().summary()).startsWith("agents: 10 added (Agent 0, Agent 1, Agent 2, …)");

        mine.discard(entry);
        assertThat(mine.orphaned()).isEmpty();
        assertThat(Files.exists(crashed.folder())).isFalse();

        RecoveryStore.Session open = mine.openSession();
        open.save(RING, null);
        assertThat(Files.isDirectory(open.folder())).isTrue();
        open.clear();
        assertThat(Files.exists(open.folder())).isFalse();
    }

    @Test
    void anUnreadableAutosaveIsSkippedAndKept(@TempDir Path root) throws Exception {
        RecoveryStore.Session crashed = new RecoveryStore(root, deadProcess()).openSession();
        crashed.save(RING, null);
        Files.writeString(crashed.folder().resolve(RecoveryStore.WORKFLOW), "{ truncated");
        assertThat(new RecoveryStore(root).orphaned()).isEmpty();
        assertThat(Files.exists(crashed.folder().resolve(RecoveryStore.WORKFLOW))).isTrue();
    }
}
