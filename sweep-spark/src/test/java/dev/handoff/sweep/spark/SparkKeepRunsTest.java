package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --keep-runs} on Spark: each task builds its cell's run folder on the executor's disk and copies it through
 * Hadoop's FileSystem API to a {@code file://} {@code --out}; the tree, the metrics and the checkpoints are those of
 * the local engine, {@code sweep.csv} stays byte for byte the same, and a folder written this way exports.
 */
class SparkKeepRunsTest {

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void sparkOnLocal2WithAFileUriKeepsTheLocalEnginesRunFolders(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("local");
        Path spark = dir.resolve("spark");
        Cli.Result l = Cli.run(Cli.smallLoadSweep(local.toString(), "--engine", "local", "--keep-runs"));
        assertThat(l.code()).as(l.err()).isZero();
        Cli.Result s = Cli.run(Cli.smallLoadSweep(spark.toUri().toString(), "--engine", "spark", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--keep-runs"));
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.err()).contains("run folders in " + spark.toUri() + "runs");

        assertThat(spark.resolve("sweep.csv")).hasSameBinaryContentAs(local.resolve("sweep.csv"));
        List<String> runs = tree(spark.resolve("runs"));
        assertThat(runs).isEqualTo(tree(local.resolve("runs")));
        assertThat(runs).filteredOn(p -> p.split("/").length == 2).containsExactly("load=0.5/icq-tabular-seed1",
                "load=0.5/icq-tabular-seed2", "load=2/icq-tabular-seed1", "load=2/icq-tabular-seed2");
        assertThat(runs).noneMatch(p -> p.endsWith(".crc") || p.contains(".partial-") || p.endsWith("run.lock"));
        for (String cell : List.of("load=0.5/icq-tabular-seed1", "load=2/icq-tabular-seed2")) {
            for (String file : List.of("metrics.csv", "workflow.json",
                    "checkpoints/" + cell.substring(cell.indexOf('/') + 1) + ".ckpt")) {
                assertThat(spark.resolve("runs").resolve(cell).resolve(file)).as(cell + "/" + file)
                        .hasSameBinaryContentAs(local.resolve("runs").resolve(cell).resolve(file));
            }
        }

        Cli.Result export = Cli.run("export", spark.resolve("runs/load=2/icq-tabular-seed1").toString(), "--out",
                dir.resolve("bundle").toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(dir.resolve("bundle/bundle.json")).exists();
    }
}
