package dev.handoff.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolder;
import dev.handoff.train.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written in format 1 (before {@code training.neural}) still load and mean what they meant: the shipped samples
 * as they were, and a run folder recorded by the format-1 build, which still resumes.
 */
class FormatVersionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path formatOne() throws URISyntaxException {
        return Path.of(FormatVersionsTest.class.getResource("/format-1").toURI());
    }

    static Stream<Path> formatOneSamples() throws IOException, URISyntaxException {
        return Files.list(formatOne().resolve("workflows")).sorted();
    }

    private static Path shipped(String fileName) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        assertThat(p).isNotNull();
        return p.resolve("sample-workflows").resolve(fileName);
    }

    @ParameterizedTest
    @MethodSource("formatOneSamples")
    void aFormatOneSampleLoadsValidAndSavesAsTheShippedFormatTwoSample(Path v1) throws Exception {
        assertThat(Files.readString(v1)).contains("\"formatVersion\": 1,");
        Workflow w = WorkflowJson.read(v1);
        assertThat(w.formatVersion()).isEqualTo(Workflow.FORMAT_VERSION).isEqualTo(2);
        assertThat(w.training().neural()).isNull();
        assertThat(WorkflowLoading.problemsOf(w)).isEmpty();
        Path v2 = shipped(v1.getFileName().toString());
        assertThat(WorkflowJson.write(w)).isEqualTo(Files.readString(v2));
        assertThat(w).isEqualTo(WorkflowJson.read(v2));
    }

    @Test
    void aFormatOneDocumentWithNeuralSettingsIsRefused() throws Exception {
        String v1 = Files.readString(formatOne().resolve("workflows/synthetic-gap.workflow.json"))
                .replace("\"evaluationWindow\": 50000", "\"evaluationWindow\": 50000,\n    \"neural\": {\"width\": 8}");
        WorkflowLoadException e = org.junit.jupiter.api.Assertions.assertThrows(WorkflowLoadException.class,
                () -> WorkflowJson.parse(v1, "old"));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly("/training/neural: format version 1 has no "
                + "neural settings (they came with format version 2): set formatVersion to 2");
        Workflow v2 = WorkflowJson.parse(v1.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,"), "new");
        assertThat(v2.training().neural().width()).isEqualTo(8);
    }

    @Test
    void theHashIgnoresTheFormatVersionAndStillMatchesWhatFormatOneRecorded() throws Exception {
        Path run = formatOne().resolve("run-synthetic-gap-seed4");
        String recorded = JSON.readTree(run.resolve("manifest.json").toFile()).path("workflowHash").asText();
        Workflow w = WorkflowJson.read(run.resolve("workflow.json"));
        assertThat(WorkflowHash.of(w)).isNotEqualTo(recorded);
        assertThat(WorkflowHash.matches(w, recorded)).isTrue();
        assertThat(WorkflowHash.matches(w.withTraining(w.training().withHandoffs(7)), recorded)).isFalse();
        assertThat(WorkflowHash.matches(w.withTraining(w.training().withNeural(NeuralSpec.NONE.with("width", 8))), recorded))
                .isFalse();
        assertThat(WorkflowHash.of(w.withTraining(w.training().withNeural(NeuralSpec.NONE.with("width", 8)))))
                .isNotEqualTo(WorkflowHash.of(w));
    }

    @Test
    void aRunRecordedByTheFormatOneBuildGivesTheSameNumbersAndResumes(@TempDir Path dir) throws Exception {
        Path old = formatOne().resolve("run-synthetic-gap-seed4");
        TrainingSummary recorded = JSON.readValue(old.resolve("summary.json").toFile(), TrainingSummary.class);
        Workflow w = WorkflowLoading.loadValid(shipped("synthetic-gap.workflow.json"));
        HeadlessTraining.Request fresh = new HeadlessTraining.Request(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR,
                List.of(4L), 200_000, 1);
        TrainingSummary again = HeadlessTraining.run(fresh, null, null).summary();
        assertThat(again.returnsBySeed()).isEqualTo(recorded.returnsBySeed());
        assertThat(again.components()).isEqualTo(recorded.components());

        Path copy = dir.resolve("old-run");
        copyTree(old, copy);
        assertThat(RunFolder.open(copy).workflow()).isEqualTo(w);
        TrainingSummary resumed = HeadlessTraining.resume(copy, 400_000L, 1, 0, null).summary();
        Path straight = dir.resolve("straight");
        HeadlessTraining.run(new HeadlessTraining.Request(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, List.of(4L),
                400_000, 1), straight, null);
        assertThat(resumed.returnsBySeed()).isEqualTo(JSON
                .readValue(straight.resolve("summary.json").toFile(), TrainingSummary.class).returnsBySeed());
        assertThat(Files.readAllBytes(copy.resolve("checkpoints/icq-tabular-seed4.ckpt")))
                .isEqualTo(Files.readAllBytes(straight.resolve("checkpoints/icq-tabular-seed4.ckpt")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
