package dev.handoff.sweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells are idempotent: on a shared file system whose first write of every cell fails, Spark retries each failed task
 * and the sweep's files are byte for byte the local engine's; a cell that fails on every attempt fails the sweep with
 * a message naming it, the other cells stay saved, and the same command finishes the sweep once the fault is gone.
 * One SparkContext for the class ({@code local[2,3]}: two task slots, three attempts per task), which the engine
 * joins and leaves running.
 */
class SparkTaskRetryTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        SparkSettings.quietLogs();
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,3]").setAppName("retry test")
                .set("spark.ui.enabled", "false"));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @AfterEach
    void healTheFileSystem() {
        FlakyFileSystem.FAILED_ONCE.clear();
        FlakyFileSystem.alwaysFailing = "";
    }

    private static String[] flaky(Path out) {
        return Cli.smallLoadSweep("flaky://" + out.toAbsolutePath(), "--engine", "spark", "--conf",
                "spark.hadoop.fs.flaky.impl=" + FlakyFileSystem.class.getName(), "--conf",
                "spark.hadoop.fs.flaky.impl.disable.cache=true");
    }

    @Test
    void retriedTasksAfterFailedWritesGiveTheLocalEnginesFiles(@TempDir Path dir) throws Exception {
        Cli.Result s = Cli.run(flaky(dir.resolve("spark")));
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(FlakyFileSystem.FAILED_ONCE).as("every cell's first write failed").hasSize(8);
        assertThat(s.err()).contains("master local[2,3]", "sweep load: 8/8 cells done");
        assertThat(spark.sc().isStopped()).as("the engine leaves a context it did not start running").isFalse();

        Cli.Result l = Cli.run(Cli.smallLoadSweep(dir.resolve("local").toString()));
        assertThat(l.code()).isZero();
        assertThat(dir.resolve("spark/sweep.csv")).hasSameBinaryContentAs(dir.resolve("local/sweep.csv"));
        assertThat(dir.resolve("spark/sweep.png")).hasSameBinaryContentAs(dir.resolve("local/sweep.png"));
        try (var files = Files.list(dir.resolve("spark/cells"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .hasSize(8).allMatch(n -> n.endsWith(".json") && !n.startsWith("."));
        }
    }

    @Test
    void aCellThatFailsEveryAttemptFailsTheSweepWhichResumesOnceTheFaultIsGone(@TempDir Path dir) throws Exception {
        FlakyFileSystem.alwaysFailing = "v2.0_s2_shortest-path";
        Cli.Result failed = Cli.run(flaky(dir.resolve("spark")));
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("the Spark sweep failed (finished cells are saved in flaky://",
                "run the same command to resume", "cell load = 2, seed 2, shortest-path failed",
                "the file server is gone");
        assertThat(dir.resolve("spark/sweep.csv")).doesNotExist();
        long saved;
        try (var files = Files.list(dir.resolve("spark/cells"))) {
            saved = files.count();
        }
        // the job stops at the third failure: cells still waiting for their retry then are not saved either
        assertThat(saved).isBetween(1L, 7L);

        FlakyFileSystem.alwaysFailing = "";
        Cli.Result resumed = Cli.run(flaky(dir.resolve("spark")));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(saved + " of 8 cells already finished in flaky://",
                "measuring the other " + (8 - saved), "sweep load: 8/8 cells done (" + saved + " resumed)",
                "(load = 2, seed 2, shortest-path)");
        Cli.Result l = Cli.run(Cli.smallLoadSweep(dir.resolve("local").toString()));
        assertThat(dir.resolve("spark/sweep.csv")).hasSameBinaryContentAs(dir.resolve("local/sweep.csv"));
        assertThat(l.code()).isZero();
    }
}
