package dev.handoff.sweep.spark;

import dev.handoff.sweep.SweepRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --out} through Hadoop's FileSystem API: whole-file writes, reads, listings, run folders staged locally and
 * published whole; clear errors for missing connectors.
 */
class HadoopSweepFolderTest {

    @Test
    void writesWholeFilesReplacesThemAndListsWithoutChecksumsOrLeftovers(@TempDir Path dir) throws Exception {
        HadoopSweepFolder folder = HadoopSweepFolder.ref(dir.toUri().toString() + "/", Map.of()).open();
        assertThat(folder.read("cells/a.json")).isEmpty();
        assertThat(folder.list("cells")).isEmpty();
        folder.write("cells/a.json", "first".getBytes(StandardCharsets.UTF_8));
        folder.write("cells/a.json", "second".getBytes(StandardCharsets.UTF_8));
        folder.write("cells/b.json", new byte[0]);
        assertThat(new String(folder.read("cells/a.json").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(folder.list("cells")).containsExactlyInAnyOrder("a.json", "b.json");
        try (var files = Files.list(dir.resolve("cells"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "b.json");
        }
        assertThat(folder.locate("sweep.csv")).isEqualTo(dir.toUri() + "sweep.csv");
        assertThat(folder.qualified()).startsWith("file:/");
    }

    @Test
    void aPlainPathIsTheDefaultFileSystemsAndReadsAsTheUserWroteIt(@TempDir Path dir) throws Exception {
        HadoopSweepFolder folder = HadoopSweepFolder.ref(dir.resolve("runs/gap").toString(), Map.of()).open();
        folder.write("sweep.csv", "x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve("runs/gap/sweep.csv")).hasContent("x");
        assertThat(folder.locate("sweep.csv")).isEqualTo(dir.resolve("runs/gap/sweep.csv").toString());
    }

    @Test
    void aSchemeWithoutItsConnectorIsRefusedNamingWhatToAdd() {
        assertThatThrownBy(() -> HadoopSweepFolder.ref("s3a://bucket/sweeps/gap", Map.of()).open())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Hadoop file system for s3a://").hasMessageContaining("hadoop-aws");
        assertThatThrownBy(() -> HadoopSweepFolder.ref("nosuch://x/y", Map.of()).open())
                .hasMessageContaining("no Hadoop file system for nosuch://");
    }

    @Test
    void hadoopSettingsComeFromSparksPrefixedOnes() {
        HadoopSweepFolder.Ref ref = HadoopSweepFolder.ref("hdfs://nn/x", Map.of("spark.hadoop.fs.defaultFS", "hdfs://nn",
                "spark.master", "local[2]"));
        assertThat(ref.hadoopSettings()).containsExactly(Map.entry("fs.defaultFS", "hdfs://nn"));
    }

    @Test
    void aStagedRunFolderIsCopiedIntoPlaceWholeReplacingAPartialOneAndTheLocalCopyIsDeleted(@TempDir Path dir)
            throws Exception {
        HadoopSweepFolder folder = HadoopSweepFolder.ref(dir.toUri().toString(), Map.of()).open();
        String name = "runs/load=2/icq-tabular-seed1";
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("metrics.csv"), "half"); // left by a killed attempt: no summary.json
        Path staged = folder.stage(name);
        assertThat(staged).isEmptyDirectory().isNotEqualTo(dir.resolve(name));
        Files.createDirectories(staged.resolve("checkpoints"));
        Files.writeString(staged.resolve("checkpoints/icq-tabular-seed1.ckpt"), "ckpt");
        Files.writeString(staged.resolve("metrics.csv"), "whole");
        Files.writeString(staged.resolve(SweepRuns.LAST_FILE), "{}");
        folder.publish(staged, name);

        assertThat(staged).doesNotExist();
        assertThat(dir.resolve(name).resolve("metrics.csv")).hasContent("whole");
        assertThat(dir.resolve(name).resolve("checkpoints/icq-tabular-seed1.ckpt")).hasContent("ckpt");
        assertThat(folder.exists(name + "/" + SweepRuns.LAST_FILE)).isTrue();
        try (var files = Files.walk(dir.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no checksums, no partial copies")
                    .noneMatch(f -> f.endsWith(".crc") || f.contains(HadoopSweepFolder.PARTIAL));
        }
    }

    @Test
    void aWholeRunFolderAlreadyInPlaceIsKeptAndTheSecondCopyDropped(@TempDir Path dir) throws Exception {
        HadoopSweepFolder folder = HadoopSweepFolder.ref(dir.toUri().toString(), Map.of()).open();
        String name = "runs/handoffs=100/oracle-seed3";
        for (String content : new String[] {"first attempt", "second attempt"}) {
            Path staged = folder.stage(name);
            Files.writeString(staged.resolve(SweepRuns.LAST_FILE), content);
            folder.publish(staged, name);
            assertThat(staged).doesNotExist();
        }
        assertThat(dir.resolve(name).resolve(SweepRuns.LAST_FILE)).hasContent("first attempt");
        assertThat(dir.resolve(name).toFile().list()).containsExactly(SweepRuns.LAST_FILE);
    }
}
