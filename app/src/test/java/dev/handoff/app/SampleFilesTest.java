package dev.handoff.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SampleFilesTest {
    @Test
    void samplesAreFoundFromAnySubdirectoryAndOnlyWorkflowFilesAreListed(@TempDir Path root) throws Exception {
        Path samples = Files.createDirectories(root.resolve("sample-workflows"));
        Files.writeString(samples.resolve("b.workflow.json"), "{}");
        Files.writeString(samples.resolve("a.workflow.json"), "{}");
        Files.writeString(samples.resolve("notes.txt"), "");
        Path deep = Files.createDirectories(root.resolve("app/target"));
        assertThat(SampleFiles.list(deep)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.workflow.json", "b.workflow.json");
    }

    @Test
    void noSampleDirectoryMeansNoSamples(@TempDir Path empty) {
        assertThat(SampleFiles.sampleDirectory(empty)).isNull();
        assertThat(SampleFiles.list(empty)).isEmpty();
    }
}
