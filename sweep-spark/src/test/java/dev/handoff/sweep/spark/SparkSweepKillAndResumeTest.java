package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spark sweep killed halfway (SIGKILL of the whole JVM, driver and executors, as a lost machine or an impatient
 * user would) resumes: the same command measures only the cells not yet in the folder, and the files equal those of
 * an uninterrupted local sweep.
 */
class SparkSweepKillAndResumeTest {
    /** 3 loads × 4 seeds × 2 policies = 24 cells of a few hundred ms each. */
    private static String[] sweep(Path out, String... engine) {
        List<String> args = new ArrayList<>(List.of("sweep", Cli.sample("routing-6x6.workflow.json"), "--axis", "load",
                "--values", "1,2,3", "--seeds", "1..4", "--handoffs", "400000", "--algo", "icq-tabular,shortest-path",
                "-O", "measure=3000", "-O", "warmup=100", "--out", out.toString()));
        args.addAll(List.of(engine));
        return args.toArray(String[]::new);
    }

    private static long cells(Path out) throws Exception {
        Path dir = out.resolve("cells");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    @Test
    void aKilledSparkSweepResumesWithTheMissingCellsAndEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("spark-jvm.options").toAbsolutePath(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "dev.handoff.app.cli.HandoffCli"));
        command.addAll(List.of(sweep(out, "--engine", "spark", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.local.dir=" + dir.resolve("spark-scratch")))); // what SIGKILL leaves behind stays in dir
        File log = dir.resolve("killed-run.log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (cells(out) < 4 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long before = cells(out);
        assertThat(before).as("killed halfway: " + Files.readString(log.toPath())).isBetween(4L, 23L);
        assertThat(out.resolve("sweep.csv")).doesNotExist();

        Cli.Result resumed = Cli.run(sweep(out, "--engine", "spark", "--master", "local[2]", "--conf",
                "spark.ui.enabled=false"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(before + " of 24 cells already finished in " + out,
                "measuring the other " + (24 - before), "sweep load: 24/24 cells done (" + before + " resumed)");
        assertThat(resumed.err().lines().filter(l -> l.contains("cells done"))).hasSize((int) (24 - before));

        Cli.Result local = Cli.run(sweep(dir.resolve("local"), "--engine", "local"));
        assertThat(local.code()).isZero();
        assertThat(out.resolve("sweep.csv")).hasSameBinaryContentAs(dir.resolve("local/sweep.csv"));
    }
}
