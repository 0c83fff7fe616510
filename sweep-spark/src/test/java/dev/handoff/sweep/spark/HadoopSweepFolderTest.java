package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --out} through Hadoop's FileSystem API: whole-file writes, reads, listings; clear errors for missing connectors. */
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
}
