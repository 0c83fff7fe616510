package dev.handoff.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowJsonTest {

    @Test
    void reloadedAndResavedDocumentIsByteIdentical() throws Exception {
        String first = WorkflowJson.write(SampleWorkflows.everyField());
        Workflow loaded = WorkflowJson.parse(first, "every.workflow.json");
        String second = WorkflowJson.write(loaded);

        assertThat(second).isEqualTo(first);
        assertThat(loaded).isEqualTo(WorkflowJson.stamp(SampleWorkflows.everyField()));
    }

    @Test
    void minimalDocumentRoundTripsToAnEqualRecord() throws Exception {
        Workflow minimal = SampleWorkflows.minimal();
        String text = WorkflowJson.write(minimal);
        assertThat(WorkflowJson.parse(text, "m")).isEqualTo(WorkflowJson.stamp(minimal));
        assertThat(WorkflowJson.write(WorkflowJson.parse(text, "m"))).isEqualTo(text);
    }

    @Test
    void outputUsesTwoSpaceIndentUnixNewlinesAndATrailingNewline() {
        String text = WorkflowJson.write(SampleWorkflows.everyField());
        assertThat(text).startsWith("{\n  \"formatVersion\": 1,\n  \"writtenBy\": \"Handoff Workbench ");
        assertThat(text).endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
        assertThat(text).contains("\n    \"features\": [\n      {\n        \"name\": \"progress\",");
        assertThat(text).contains("\"a\": []");
    }
}
