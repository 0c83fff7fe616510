package dev.handoff.train.live;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.train.Algorithm;
import dev.handoff.train.HeadlessTraining;
import dev.handoff.train.RunFolderWriter;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A past run's curve read back from its folder: greedy points averaged over seeds, or the training return per window. */
class RunCurvesTest {
    private static Workflow gap() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("sample-workflows"))) {
            dir = dir.getParent();
        }
        return WorkflowLoading.loadValid(dir.resolve("sample-workflows/synthetic-gap.workflow.json"));
    }

    @Test
    void greedyCurveAveragesEachSeedsLatestPointAtEveryRecordedHandoffCount(@TempDir Path dir) throws Exception {
        Workflow w = gap();
        try (RunFolderWriter f = RunFolderWriter.start(dir, w, Algorithm.ICQ_TABULAR, List.of(1L, 2L), 100, null)) {
            f.appendGreedyReturn(1, 10, 1.0);
            f.appendGreedyReturn(2, 12, 3.0);
            f.appendGreedyReturn(1, 20, 2.0);
            f.appendGreedyReturn(2, 20, 5.0);
        }
        RunCurves.Curve c = RunCurves.read(dir, RunCurves.Measure.GREEDY_RETURN);
        assertThat(c.x()).containsExactly(10, 12, 20);
        assertThat(c.y()).containsExactly(1.0, 2.0, 3.5); // seed 1 alone; (1 + 3) / 2; (2 + 5) / 2
        assertThat(c.seeds()).isEqualTo(2);
    }

    @Test
    void resumedFolderKeepsOnlyThePointsUpToEachSeedsCheckpoint(@TempDir Path dir) throws Exception {
        Workflow w = gap();
        try (RunFolderWriter f = RunFolderWriter.start(dir, w, Algorithm.ICQ_TABULAR, List.of(1L), 100, null)) {
            f.appendGreedyReturn(1, 10, 1.0);
            f.appendGreedyReturn(1, 30, 2.0);
        }
        try (RunFolderWriter f = RunFolderWriter.resume(dir, w, Algorithm.ICQ_TABULAR, List.of(1L), 100, null, (a, s) -> 20L)) {
            f.appendGreedyReturn(1, 40, 4.0);
        }
        assertThat(RunCurves.read(dir, RunCurves.Measure.GREEDY_RETURN).x()).containsExactly(10, 40);
        RunFolderWriter.start(dir, w, Algorithm.ICQ_TABULAR, List.of(1L), 100, null).close(); // a fresh run starts a fresh curve
        assertThat(RunCurves.read(dir, RunCurves.Measure.GREEDY_RETURN)).isNull();
    }

    @Test
    void trainingCurveOfACliRunIsTheMeanOverSeedsOfEachWindowsReturn(@TempDir Path dir) throws Exception {
        Workflow w = gap();
        Path run = dir.resolve("run");
        HeadlessTraining.run(new HeadlessTraining.Request(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, List.of(1L, 2L),
                200_000, 1), run, null);
        RunCurves.Curve c = RunCurves.read(run, RunCurves.Measure.TRAINING_RETURN);
        List<String[]> rows = Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        double first = rows.stream().filter(r -> r[2].equals(String.valueOf((long) c.x()[0])))
                .mapToDouble(r -> Double.parseDouble(r[5])).average().orElseThrow();
        assertThat(c.seeds()).isEqualTo(2);
        assertThat(c.size()).isEqualTo(rows.size() / 2);
        assertThat(c.y()[0]).isCloseTo(first, within(1e-12));
        assertThat(RunCurves.read(run, RunCurves.Measure.GREEDY_RETURN)).as("a CLI run records no greedy curve").isNull();
    }

    @Test
    void aDamagedFileIsAnErrorNamingTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RunCurves.GREEDY_FILE), "algorithm,seed,handoffs,greedy_return\nicq-tabular,one,10,1.0\n");
        assertThatThrownBy(() -> RunCurves.read(dir, RunCurves.Measure.GREEDY_RETURN)).hasMessageContaining("line 2");
    }
}
