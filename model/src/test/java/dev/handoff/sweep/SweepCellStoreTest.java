package dev.handoff.sweep;

import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local engine with a sweep folder: every finished cell is saved at once, a sweep started again measures only the
 * cells that are missing (after a failure, or with more seeds), and the result equals an uninterrupted run's.
 */
class SweepCellStoreTest {
    private static final Workflow RING = ring();
    private static final SweepSettings SETTINGS = new SweepSettings(List.of("icq-tabular", "independent"), null, Map.of());
    private static final double[] T = {500, 2000};

    private static Workflow ring() {
        try {
            return SweepSamples.load("synthetic-ring10.workflow.json");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SweepSpec spec() {
        return SweepSpec.of(RING, "handoffs", SETTINGS);
    }

    /** The handoffs design with every measurement counted and, optionally, one cell that fails. */
    private static SweepDesign counted(List<SweepCell> measured, SweepCell failing) {
        SweepDesign real = spec().design();
        List<SweepAlgorithm> algorithms = new ArrayList<>();
        for (SweepAlgorithm a : real.algorithms()) {
            algorithms.add(new SweepAlgorithm(a.id(), a.policies(), (value, seed, runFolder) -> {
                SweepCell cell = new SweepCell(value, seed, a.id());
                if (cell.equals(failing)) {
                    throw new IllegalStateException("injected failure");
                }
                measured.add(cell);
                return a.measurement().measure(value, seed, runFolder);
            }));
        }
        return new SweepDesign(real.axis(), real.axisLabel(), algorithms, real.metrics());
    }

    private static SweepResult run(Path out, SweepDesign design, List<Long> seeds, List<String> progress) throws Exception {
        LocalSweepEngine engine = new LocalSweepEngine();
        SweepCellStore store = SweepCellStore.open(engine.folder(out.toString(), Map.of()), spec());
        return engine.run(new SweepRequest(spec(), design, T, seeds, store, 2, Map.of(), progress::add));
    }

    @Test
    void aSweepThatFailedHalfwayResumesWithTheMissingCellsOnlyAndEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        List<SweepCell> measured = Collections.synchronizedList(new ArrayList<>());
        SweepCell failing = new SweepCell(2000, 2, "independent");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> run(dir.resolve("out"), counted(measured, failing), List.of(1L, 2L), progress))
                .hasMessageContaining("handoffs = 2000, seed 2, independent").hasMessageContaining("injected failure");
        int first = measured.size();
        assertThat(first).as("cells finished before the failure were saved").isPositive().isLessThan(8);
        assertThat(Files.list(dir.resolve("out/cells")).count()).isEqualTo(first);

        measured.clear();
        progress.clear();
        SweepResult resumed = run(dir.resolve("out"), counted(measured, null), List.of(1L, 2L), progress);
        assertThat(measured).as("only the missing cells run again").hasSize(8 - first).contains(failing);
        assertThat(progress.get(progress.size() - 1)).contains("8/8 cells done (" + first + " resumed)");

        SweepResult whole = LocalSweepEngine.run(spec().design(), T, List.of(1L, 2L), 2, null);
        assertThat(SweepCsv.bytes(resumed)).isEqualTo(SweepCsv.bytes(whole));
    }

    @Test
    void moreSeedsOnTheSameFolderReuseTheCellsAlreadyThere(@TempDir Path dir) throws Exception {
        List<SweepCell> measured = Collections.synchronizedList(new ArrayList<>());
        run(dir, counted(measured, null), List.of(1L), new ArrayList<>());
        assertThat(measured).hasSize(4);
        measured.clear();
        SweepResult more = run(dir, counted(measured, null), List.of(1L, 2L, 3L), new ArrayList<>());
        assertThat(measured).hasSize(8).allMatch(c -> c.seed() != 1);
        assertThat(SweepCsv.bytes(more)).isEqualTo(SweepCsv.bytes(LocalSweepEngine.run(spec().design(), T,
                List.of(1L, 2L, 3L), 2, null)));
    }

    @Test
    void aFolderOfAnotherSweepIsRefusedNamingWhatDiffers(@TempDir Path dir) throws Exception {
        LocalSweepFolder folder = new LocalSweepFolder(dir);
        SweepCellStore.open(folder, spec());
        SweepSpec other = SweepSpec.of(RING, "handoffs", new SweepSettings(List.of("icq-tabular"), null, Map.of()));
        assertThatThrownBy(() -> SweepCellStore.open(folder, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds another sweep's results").hasMessageContaining("settings")
                .hasMessageContaining("choose another --out folder");
        SweepSpec gap = SweepSpec.of(SweepSamples.load("synthetic-gap.workflow.json"), "handoffs", SETTINGS);
        assertThatThrownBy(() -> SweepCellStore.open(folder, gap)).hasMessageContaining("another workflow");
        assertThat(SweepCellStore.open(folder, spec())).as("the same sweep opens again").isNotNull();
    }

    @Test
    void aDamagedCellFileIsReportedAndMeasuredAgain(@TempDir Path dir) throws Exception {
        List<SweepCell> measured = Collections.synchronizedList(new ArrayList<>());
        SweepResult first = run(dir, counted(measured, null), List.of(1L), new ArrayList<>());
        SweepCell damaged = new SweepCell(500, 1, "icq-tabular");
        Files.writeString(dir.resolve(SweepCellStore.cellFile(damaged)), "{\"format\":1,\"val");
        SweepCell moved = new SweepCell(2000, 1, "icq-tabular");
        Files.copy(dir.resolve(SweepCellStore.cellFile(new SweepCell(2000, 1, "independent"))),
                dir.resolve(SweepCellStore.cellFile(moved)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        measured.clear();
        List<String> progress = new ArrayList<>();
        SweepResult again = run(dir, counted(measured, null), List.of(1L), progress);
        assertThat(measured).containsExactlyInAnyOrder(damaged, moved);
        assertThat(progress).anyMatch(l -> l.contains(damaged.fileName()) && l.contains("measuring it again"));
        assertThat(progress).anyMatch(l -> l.contains(moved.fileName()) && l.contains("it holds the cell"));
        assertThat(SweepCsv.bytes(again)).isEqualTo(SweepCsv.bytes(first));
    }

    @Test
    void theLocalEngineIsFoundAsAServiceAndRefusesHadoopUris() {
        assertThat(SweepEngines.ids()).startsWith("local");
        SweepEngine local = SweepEngines.byId("local").orElseThrow();
        assertThatThrownBy(() -> local.folder("hdfs://namenode/sweeps/gap", Map.of()))
                .hasMessageContaining("needs --engine spark");
        assertThat(local.problemWithOptions(Map.of("spark.master", "local[2]"))).contains("--engine spark");
        assertThat(local.problemWithOptions(Map.of())).isNull();
    }

    @Test
    void progressCountsResumedCellsAndEstimatesTheTimeLeftFromThisRunsPace() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        SweepProgress p = new SweepProgress("gap", 10, 4, lines::add, () -> now[0]);
        now[0] = 2_000_000_000L;
        p.cellDone(new SweepCell(0.5, 3, "icq-tabular"));
        now[0] = 4_000_000_000L;
        String line = p.cellDone(new SweepCell(1, 3, "icq-tabular"));
        assertThat(line).isEqualTo("sweep gap: 6/10 cells done (4 resumed) (gap = 1, seed 3, icq-tabular); 4.0s elapsed, "
                + "ETA 8.0s");
        assertThat(p.done()).isEqualTo(6);
        assertThat(SweepProgress.duration(187)).isEqualTo("3m07s");
        assertThat(SweepProgress.duration(7500)).isEqualTo("2h05m");
    }

    @Test
    void aDesignSplitsIntoOneCellPerValueSeedAndAlgorithmInAFixedOrder() {
        SweepGrid grid = new SweepGrid(spec().design(), T, List.of(1L, 2L));
        assertThat(grid.cells()).hasSize(8);
        assertThat(grid.cells().subList(0, 3)).containsExactly(new SweepCell(500, 1, "icq-tabular"),
                new SweepCell(500, 1, "independent"), new SweepCell(500, 2, "icq-tabular"));
        assertThatThrownBy(() -> grid.assemble(Map.of(), 0)).hasMessageContaining("no result for the cell handoffs = 500");
    }
}
