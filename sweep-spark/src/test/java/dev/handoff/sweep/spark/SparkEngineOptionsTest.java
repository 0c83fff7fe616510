package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad engine input is refused before Spark starts, with exit 2 and a line saying what to change. */
class SparkEngineOptionsTest {

    @Test
    void aNonSparkSettingAClusterWithoutTheJarOrAnOutWithoutItsConnectorExitTwo(@TempDir Path dir) {
        Cli.Result conf = Cli.run(Cli.smallLoadSweep(dir.toString(), "--engine", "spark", "--conf", "executors=4"));
        assertThat(conf.code()).isEqualTo(2);
        assertThat(conf.err()).contains("--engine spark: --conf executors: Spark settings start with \"spark.\"");

        Cli.Result cluster = Cli.run(Cli.smallLoadSweep(dir.toString(), "--engine", "spark", "--master",
                "spark://nohost:7077"));
        assertThat(cluster.code()).isEqualTo(2);
        assertThat(cluster.err()).contains("--master spark://nohost:7077: the executors need this program's classes",
                "handoff-spark-submit.jar");

        Cli.Result s3 = Cli.run(Cli.smallLoadSweep("s3a://bucket/sweeps/load", "--engine", "spark"));
        assertThat(s3.code()).isEqualTo(2);
        assertThat(s3.err()).contains("--out: no Hadoop file system for s3a://", "hadoop-aws");
        assertThat(s3.err()).doesNotContain("task slots");
    }

    @Test
    void theEngineIsFoundByServiceLoaderBesideTheLocalOne() {
        assertThat(dev.handoff.sweep.SweepEngines.ids()).containsExactly("local", "spark");
    }
}
