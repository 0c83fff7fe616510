package dev.handoff.app;

import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "nothing the user made is lost": the real workbench process is started on a workflow, edited through its
 * toolbar, canvas and keyboard, killed with SIGKILL once the autosave interval has passed, and started again: it offers
 * the unsaved work with what changed, and Recover brings back every edit, byte for byte.
 */
class CrashRecoveryProcessTest {
    private static final double AUTOSAVE_SECONDS = UnsavedWork.SECONDS;

    private static Process start(Path data, String mode, Path file, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dtestfx.robot=glass", "-Dtestfx.headless=true", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true",
                "-D" + DataDirectory.PROPERTY + "=" + data, "-Djava.util.prefs.userRoot=" + data.resolve("prefs"),
                CrashRecoveryDriver.class.getName(), mode, file.toString(), out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Lines the process prints, read on a thread of their own so a full pipe never blocks it. */
    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    q.add(l);
                }
            } catch (java.io.IOException closed) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return q;
    }

    private static String await(BlockingQueue<String> lines, String prefix, Process p) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null) {
                seen.add(l);
                if (l.startsWith(prefix)) {
                    return l;
                }
            } else if (!p.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no " + prefix + " line; the process printed:\n" + String.join("\n", seen));
    }

    @Test
    void everyEditSurvivesSigkillAndIsRecoveredAtTheNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path file = dir.resolve("ring10.workflow.json");
        Files.copy(Repository.sample("synthetic-ring10"), file);
        Path expected = dir.resolve("expected.json");
        Path recovered = dir.resolve("recovered.json");

        Process first = start(data, "edit", file, expected);
        BlockingQueue<String> firstOut = lines(first);
        await(firstOut, "EDITED", first);
        Thread.sleep((long) (AUTOSAVE_SECONDS * 1000) + 3000); // the promise: edits older than the interval are safe
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no window events, nothing flushed
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Workflow edited = WorkflowJson.parse(Files.readString(expected), "expected");
        Workflow original = WorkflowJson.read(file);
        assertThat(edited.agents()).hasSize(original.agents().size() + 1);
        assertThat(edited.agentIndex("a3")).isNegative();

        Process second = start(data, "recover", file, recovered);
        BlockingQueue<String> secondOut = lines(second);
        String offer = await(secondOut, "OFFER", second);
        assertThat(offer).contains("ring10.workflow.json, autosaved ")
                .contains("unsaved changes: agents: 2 added (Agent 10, Agent 11), 1 removed (Agent 3)")
                .contains("handoffs: ").contains("Agent 0 → Agent 5").contains("nodes moved");
        assertThat(await(secondOut, "RECOVERED", second)).endsWith("ring10.workflow.json *");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(recovered)).isEqualTo(Files.readString(expected));
        assertThat(Files.readString(file)).as("the file itself was never touched").isEqualTo(Files.readString(Repository.sample("synthetic-ring10")));
    }
}
