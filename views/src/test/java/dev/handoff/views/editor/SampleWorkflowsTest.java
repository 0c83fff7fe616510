package dev.handoff.views.editor;

import dev.handoff.views.Fixtures;
import dev.handoff.views.graph.GraphEditorViewModel;
import dev.handoff.views.graph.GraphSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample workflow opens in the editor, is valid, and is readable after auto-layout (no overlapping nodes). */
class SampleWorkflowsTest {
    private static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows"))) {
                return d.resolve("sample-workflows");
            }
        }
        throw new IllegalStateException("no sample-workflows directory above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> sampleFiles() throws Exception {
        try (Stream<Path> s = Files.list(samples())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".workflow.json")).sorted().toList();
        }
    }

    static void assertNoOverlap(String what, GraphSnapshot g) {
        List<GraphSnapshot.NodeItem> n = g.nodes();
        for (int i = 0; i < n.size(); i++) {
            for (int j = i + 1; j < n.size(); j++) {
                boolean overlap = Math.abs(n.get(i).x() - n.get(j).x()) < GraphEditorViewModel.NODE_WIDTH
                        && Math.abs(n.get(i).y() - n.get(j).y()) < GraphEditorViewModel.NODE_HEIGHT;
                assertThat(overlap).as("%s: %s overlaps %s", what, n.get(i).id(), n.get(j).id()).isFalse();
            }
        }
    }

    @Test
    void everySampleOpensValidAndAutoLayoutLeavesNoOverlaps() throws Exception {
        List<Path> files = sampleFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            EditorViewModel editor = Fixtures.editor();
            editor.document().open(file);
            assertThat(editor.validation().problems()).as("problems of %s", file.getFileName()).isEmpty();
            assertThat(editor.graph().graph().nodes()).hasSize(editor.document().document().agents().size() + 1);
            editor.graph().autoLayout();
            assertNoOverlap(file.getFileName().toString(), editor.graph().graph());
            editor.document().undo();
            assertThat(editor.document().isModified()).isFalse();
        }
    }
}
