package dev.handoff.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFilesTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/test/recent-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndRememberedAcrossInstances() {
        RecentFiles recent = new RecentFiles(prefs);
        recent.remember(Path.of("/tmp/a.workflow.json"));
        recent.remember(Path.of("/tmp/b.workflow.json"));
        recent.remember(Path.of("/tmp/a.workflow.json"));
        assertThat(recent.files()).containsExactly(Path.of("/tmp/a.workflow.json"), Path.of("/tmp/b.workflow.json"));
        assertThat(new RecentFiles(prefs).files()).containsExactly(Path.of("/tmp/a.workflow.json"), Path.of("/tmp/b.workflow.json"));
    }

    @Test
    void keepsOnlyTheMostRecentFew() {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 0; i < RecentFiles.MAX + 3; i++) {
            recent.remember(Path.of("/tmp/f" + i + ".workflow.json"));
        }
        assertThat(recent.files()).hasSize(RecentFiles.MAX).startsWith(Path.of("/tmp/f" + (RecentFiles.MAX + 2) + ".workflow.json"));
    }

    @Test
    void aFileThatFailedToOpenIsForgotten() {
        RecentFiles recent = new RecentFiles(prefs);
        recent.remember(Path.of("/tmp/a.workflow.json"));
        recent.remember(Path.of("/tmp/b.workflow.json"));
        recent.forget(Path.of("/tmp/a.workflow.json"));
        assertThat(new RecentFiles(prefs).files()).containsExactly(Path.of("/tmp/b.workflow.json"));
    }
}
