package dev.handoff.sweep;

import dev.handoff.train.Algorithm;
import dev.handoff.train.RunFolder;
import dev.handoff.train.RunManifest;
import dev.handoff.train.SeedRun;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --keep-runs} on the local engine: every training cell leaves a whole run folder at
 * {@code runs/<axis>=<value>/<algorithm>-seed<N>} that reads back as a run folder and restores its learners, the
 * sweep's rows are byte for byte those of a sweep that keeps none, and a resumed sweep replaces a partial folder, keeps
 * a whole one and never leaves two.
 */
class SweepRunsTest {
    private static final SweepSettings SETTINGS = new SweepSettings(List.of("icq-tabular", "independent"), null, Map.of());
    private static final double[] T = {500, 2000};
    private static final List<Long> SEEDS = List.of(1L, 2L);

    private static SweepSpec spec() throws Exception {
        Workflow ring = SweepSamples.load("synthetic-ring10.workflow.json");
        return SweepSpec.of(ring, "handoffs", SETTINGS);
    }

    /** The design of {@code spec} with each measurement recorded in {@code measured} (as (cell, folder given or not)). */
    private static SweepDesign recorded(SweepSpec spec, List<String> measured) {
        SweepDesign real = spec.design();
        List<SweepAlgorithm> algorithms = new ArrayList<>();
        for (SweepAlgorithm a : real.algorithms()) {
            algorithms.add(new SweepAlgorithm(a.id(), a.policies(), (value, seed, runFolder) -> {
                measured.add(new SweepCell(value, seed, a.id()).describe("T") + (runFolder == null ? "" : " -> folder"));
                return a.measurement().measure(value, seed, runFolder);
            }, a.trains()));
        }
        return new SweepDesign(real.axis(), real.axisLabel(), algorithms, real.metrics());
    }

    private static SweepResult run(Path out, SweepDesign design, boolean keepRuns, List<String> progress)
            throws Exception {
        LocalSweepEngine engine = new LocalSweepEngine();
        SweepCellStore store = SweepCellStore.open(engine.folder(out.toString(), Map.of()), spec());
        return engine.run(new SweepRequest(spec(), design, T, SEEDS, store, 2, Map.of(), progress::add, keepRuns));
    }

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void everyTrainingCellKeepsAWholeRunFolderAndTheRowsDoNotChange(@TempDir Path dir) throws Exception {
        SweepResult kept = run(dir.resolve("kept"), spec().design(), true, new ArrayList<>());
        SweepResult plain = run(dir.resolve("plain"), spec().design(), false, new ArrayList<>());
        assertThat(SweepCsv.bytes(kept)).as("keeping run folders changes no number").isEqualTo(SweepCsv.bytes(plain));
        assertThat(dir.resolve("plain/runs")).doesNotExist();

        Path runs = dir.resolve("kept/runs");
        assertThat(tree(runs)).filteredOn(p -> p.split("/").length == 2).containsExactly(
                "handoffs=2000/icq-tabular-seed1", "handoffs=2000/icq-tabular-seed2", "handoffs=2000/independent-seed1",
                "handoffs=2000/independent-seed2", "handoffs=500/icq-tabular-seed1", "handoffs=500/icq-tabular-seed2",
                "handoffs=500/independent-seed1", "handoffs=500/independent-seed2");
        Path one = runs.resolve("handoffs=2000/independent-seed2");
        assertThat(tree(one)).contains("manifest.json", "metrics.csv", "workflow.json", "summary.json",
                "checkpoints/independent-seed2.ckpt").doesNotContain("run.lock");
        RunFolder folder = RunFolder.open(one);
        assertThat(folder.status()).isEqualTo(RunManifest.FINISHED);
        assertThat(folder.algorithm()).isEqualTo(Algorithm.INDEPENDENT);
        assertThat(folder.seeds()).containsExactly(2L);
        assertThat(folder.handoffs()).isEqualTo(2000);
        try (SeedRun restored = folder.restore(2, 2000)) {
            assertThat(restored.handoffs()).isEqualTo(2000);
        }
        assertThat(Files.readString(one.resolve("summary.json"))).contains("\"runDir\" : \"" + one.toString()
                .replace("\\", "\\\\") + "\"");
    }

    @Test
    void aResumedSweepReplacesAPartialRunFolderAndKeepsAWholeOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        SweepResult first = run(out, spec().design(), true, new ArrayList<>());
        // a kill while the cell (500, 1, icq-tabular) trained: its folder half written, its cell file never saved
        Path partial = out.resolve("runs/handoffs=500/icq-tabular-seed1");
        Files.delete(partial.resolve(SweepRuns.LAST_FILE));
        Files.writeString(partial.resolve("half-written.tmp"), "x");
        Files.delete(out.resolve(SweepCellStore.cellFile(new SweepCell(500, 1, "icq-tabular"))));
        // a kill after (2000, 2, independent) published its folder but before its cell file was saved
        Path whole = out.resolve("runs/handoffs=2000/independent-seed2");
        Files.writeString(whole.resolve("marker"), "kept");
        Files.delete(out.resolve(SweepCellStore.cellFile(new SweepCell(2000, 2, "independent"))));

        List<String> measured = Collections.synchronizedList(new ArrayList<>());
        SweepResult resumed = run(out, recorded(spec(), measured), true, new ArrayList<>());
        assertThat(measured).containsExactlyInAnyOrder("T = 500, seed 1, icq-tabular -> folder",
                "T = 2000, seed 2, independent");
        assertThat(partial.resolve("half-written.tmp")).as("the partial folder was replaced").doesNotExist();
        assertThat(partial.resolve(SweepRuns.LAST_FILE)).exists();
        assertThat(whole.resolve("marker")).as("the whole folder was kept").hasContent("kept");
        assertThat(tree(out.resolve("runs/handoffs=500"))).filteredOn(p -> !p.contains("/")).containsExactly("",
                "icq-tabular-seed1", "icq-tabular-seed2", "independent-seed1", "independent-seed2");
        assertThat(SweepCsv.bytes(resumed)).isEqualTo(SweepCsv.bytes(first));
    }

    @Test
    void aSweepRunWithoutKeepRunsGetsItsFoldersWhenRunAgainWithIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        SweepResult plain = run(out, spec().design(), false, new ArrayList<>());
        List<String> measured = Collections.synchronizedList(new ArrayList<>());
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        SweepResult kept = run(out, recorded(spec(), measured), true, progress);
        assertThat(measured).hasSize(8).allMatch(m -> m.endsWith("-> folder"));
        assertThat(progress).anyMatch(l -> l.contains("8 finished cells have no run folder in " + out.resolve("runs")
                + " yet; measuring them again"));
        assertThat(SweepCsv.bytes(kept)).isEqualTo(SweepCsv.bytes(plain));
        measured.clear();
        run(out, recorded(spec(), measured), true, new ArrayList<>());
        assertThat(measured).as("nothing left to measure").isEmpty();
    }

    @Test
    void aFailedCellLeavesNoFolderBehind(@TempDir Path dir) throws Exception {
        SweepDesign real = spec().design();
        SweepAlgorithm a = real.algorithms().get(0);
        SweepDesign failing = new SweepDesign(real.axis(), real.axisLabel(), List.of(new SweepAlgorithm(a.id(),
                a.policies(), (value, seed, runFolder) -> {
                    a.measurement().measure(value, seed, runFolder);
                    throw new IllegalStateException("injected failure after training");
                }, true)), real.metrics());
        LocalSweepFolder folder = new LocalSweepFolder(dir);
        assertThatThrownBy(() -> SweepCellResult.measure(failing, new SweepCell(500, 1, a.id()), "test", folder))
                .hasMessageContaining("injected failure");
        assertThat(dir.resolve("runs/handoffs=500/icq-tabular-seed1")).doesNotExist();
    }

    @Test
    void folderNamesAreExactAndReadable() {
        assertThat(SweepRuns.folderOf("handoffs", new SweepCell(2000, 3, "icq-tabular")))
                .isEqualTo("runs/handoffs=2000/icq-tabular-seed3");
        assertThat(SweepRuns.folderOf("load", new SweepCell(0.5, 1, "icq-tabular"))).isEqualTo("runs/load=0.5/icq-tabular-seed1");
        assertThat(SweepRuns.folderOf("load", new SweepCell(0.1 + 0.2, 1, "a b"))).isEqualTo("runs/load=0.30000000000000004/a_b-seed1");
        assertThat(SweepRuns.folderOf("x", new SweepCell(1e20, 1, "p"))).isEqualTo("runs/x=1.0E20/p-seed1");
    }
}
