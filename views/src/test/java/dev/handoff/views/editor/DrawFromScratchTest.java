package dev.handoff.views.editor;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.views.Fixtures;
import dev.handoff.views.graph.GraphEditorViewModel;
import dev.handoff.workflow.HandoffSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "done" scenario through the view-models: draw a 4-agent workflow, configure interfaces, save a valid file. */
class DrawFromScratchTest {
    @Test
    void aFourAgentWorkflowDrawnFromScratchSavesAFileThatValidates(@TempDir Path dir) throws Exception {
        EditorViewModel editor = Fixtures.editor();
        GraphEditorViewModel graph = editor.graph();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(graph.addAgentNear(400, 300));
        }
        assertThat(editor.validation().trainDisabledProperty().get()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(graph.connect(ids.get(i), ids.get((i + 1) % 4))).isTrue();
            if (i % 2 == 1) {
                assertThat(graph.connect(ids.get(i), HandoffSpec.STOP)).isTrue();
            }
            editor.selection().selectOnly(ids.get(i));
            editor.interfaceEditor().setVisible("progress", true);
        }
        graph.autoLayout();
        assertThat(editor.validation().problems()).isEmpty();
        assertThat(editor.validation().trainDisabledProperty().get()).isFalse();

        Path file = dir.resolve("four.workflow.json");
        editor.document().saveAs(file);
        assertThat(WorkflowLoading.problemsIn(file)).isEmpty();
    }
}
