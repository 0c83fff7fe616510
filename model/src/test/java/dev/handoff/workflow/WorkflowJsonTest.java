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
        assertThat(text).startsWith("{\n  \"formatVersion\": 2,\n  \"writtenBy\": \"Handoff Workbench ");
        assertThat(text).endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
        assertThat(text).contains("\n    \"features\": [\n      {\n        \"name\": \"progress\",");
        assertThat(text).contains("\"a\": []");
    }

    @Test
    void fieldsFollowTheRecordsPropertyOrderAndMapKeysAreSorted() {
        String text = WorkflowJson.write(SampleWorkflows.everyField());
        assertThat(text).containsSubsequence("\"formatVersion\"", "\"writtenBy\"", "\"name\"", "\"description\"",
                "\"artifact\"", "\"agents\"", "\"handoffs\"", "\"environment\"", "\"training\"", "\"layout\"");
        assertThat(text).containsSubsequence("\"bigCount\"", "\"costs\"", "\"label\"", "\"learningRate\"", "\"nested\"",
                "\"noise\"", "\"steps\"", "\"strict\"");
        assertThat(text).containsSubsequence("\"STOP\": {", "\"editor\": {", "\"verifier\": {", "\"writer\": {");
        assertThat(text).containsSubsequence("\"algorithm\"", "\"gamma\": 0.95", "\"stepSize\"", "\"epsilon\"",
                "\"handoffs\": 20000", "\"seeds\"", "\"evaluationWindow\": 500");
        assertThat(text).doesNotContain("\"stop\"").doesNotContain("privateStateCount");
    }

    @Test
    void doublesAndIntegralBoundsKeepTheirText() {
        String text = WorkflowJson.write(SampleWorkflows.everyField());
        assertThat(text).contains("\"max\": 0.95", "\"min\": 0.1", "\"learningRate\": 1.0E-4", "\"max\": 10.0",
                "\"start\": 0.3", "\"x\": 100.5");
    }

    @Test
    void environmentParameterNumbersRoundTripAsTheSameJsonText() throws Exception {
        String handWritten = WorkflowJson.write(SampleWorkflows.minimal()).replace("\"parameters\": {}",
                "\"parameters\": {\"b\": 0.3, \"a\": 10, \"c\": -2.5E-7, \"d\": [1, 2.0], \"e\": 123456789012}");
        Workflow w = WorkflowJson.parse(handWritten, "hand");
        assertThat(w.environment().parameters().get("a")).isEqualTo(10);
        assertThat(w.environment().parameters().get("b")).isEqualTo(0.3);
        String saved = WorkflowJson.write(w);
        assertThat(saved).contains("\"a\": 10,", "\"b\": 0.3,", "\"c\": -2.5E-7,", "\"e\": 123456789012\n");
        assertThat(saved).contains("\"d\": [\n        1,\n        2.0\n      ],");
        assertThat(WorkflowJson.write(WorkflowJson.parse(saved, "again"))).isEqualTo(saved);
    }

    @Test
    void savingStampsTheCurrentFormatAndTheFilteredAppVersion() throws Exception {
        assertThat(AppVersion.current()).isNotBlank().doesNotContain("${").isNotEqualTo("dev");
        Workflow old = SampleWorkflows.minimal().withWrittenBy("Handoff Workbench 0.0.1");
        Workflow reloaded = WorkflowJson.parse(WorkflowJson.write(old), "m");
        assertThat(reloaded.writtenBy()).isEqualTo("Handoff Workbench " + AppVersion.current());
        assertThat(reloaded.formatVersion()).isEqualTo(Workflow.FORMAT_VERSION);
    }

    @Test
    void writeToPathReplacesTheFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flow.workflow.json");
        Files.writeString(file, "old content that is not a workflow");
        WorkflowJson.write(SampleWorkflows.everyField(), file);

        assertThat(Files.readString(file)).isEqualTo(WorkflowJson.write(SampleWorkflows.everyField()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(WorkflowJson.read(file)).isEqualTo(WorkflowJson.stamp(SampleWorkflows.everyField()));
    }

    @Test
    void writeToPathCreatesANewFileReadableByOthers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/new.workflow.json");
        WorkflowJson.write(SampleWorkflows.minimal(), file);
        assertThat(WorkflowJson.read(file).name()).isEqualTo("Minimal");
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void failedSaveLeavesTheOriginalFileUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keep.workflow.json");
        WorkflowJson.write(SampleWorkflows.minimal(), file);
        String before = Files.readString(file);
        Workflow unwritable = SampleWorkflows.minimal().withEnvironment(
                SampleWorkflows.minimal().environment().with("bad", new Object()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkflowJson.write(unwritable, file))
                .isInstanceOf(RuntimeException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void hashIgnoresLayoutAndWriterButNotSemantics() {
        Workflow w = SampleWorkflows.everyField();
        String h = WorkflowHash.of(w);
        assertThat(h).matches("[0-9a-f]{64}");
        assertThat(WorkflowHash.of(w.withLayout(Layout.EMPTY))).isEqualTo(h);
        assertThat(WorkflowHash.of(w.withWrittenBy("someone else"))).isEqualTo(h);
        assertThat(WorkflowHash.of(w.withTraining(w.training().withGamma(0.9)))).isNotEqualTo(h);
        assertThat(WorkflowHash.of(w.withHandoffs(w.handoffs().subList(0, 4)))).isNotEqualTo(h);
    }

    @Test
    void hashOfAReloadedDocumentIsUnchanged() throws Exception {
        Workflow w = SampleWorkflows.everyField();
        assertThat(WorkflowHash.of(WorkflowJson.parse(WorkflowJson.write(w), "x"))).isEqualTo(WorkflowHash.of(w));
    }

    @Test
    void aFeatureWithAnEmptyNameSurvivesSaveAndLoadSoValidationCanReportIt() throws Exception {
        Workflow w = SampleWorkflows.minimal();
        java.util.List<FeatureSpec> fs = new java.util.ArrayList<>(w.artifact().features());
        fs.add(new FeatureSpec("", FeatureType.BOOL, null, null, java.util.List.of(), null));
        Workflow damaged = w.withArtifact(new ArtifactSchema(fs));
        String text = WorkflowJson.write(damaged);
        Workflow back = WorkflowJson.parse(text, "damaged");
        assertThat(WorkflowJson.write(back)).isEqualTo(text);
        assertThat(new WorkflowValidator().validate(back))
                .anyMatch(p -> p.path().equals("/artifact/features/" + (fs.size() - 1) + "/name"));
    }
}
