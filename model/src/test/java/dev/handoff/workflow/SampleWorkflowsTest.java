package dev.handoff.workflow;

import dev.handoff.env.WorkflowLoading;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped sample is valid and canonical: loading and saving it gives back the same bytes. */
class SampleWorkflowsTest {
    static Stream<Path> samples() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        assertThat(p).isNotNull();
        return Files.list(p.resolve("sample-workflows")).filter(f -> f.toString().endsWith(".workflow.json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleIsValidAndRoundTripsByteForByte(Path sample) throws Exception {
        Workflow w = WorkflowJson.read(sample);
        assertThat(WorkflowLoading.problemsOf(w)).as("problems of %s", sample.getFileName()).isEmpty();
        String original = Files.readString(sample);
        assertThat(WorkflowJson.write(WorkflowJson.parse(original, sample.toString()))).isEqualTo(original);
    }
}
