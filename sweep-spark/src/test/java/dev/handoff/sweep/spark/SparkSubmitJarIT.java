package dev.handoff.sweep.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar the build makes for clusters, {@code target/handoff-spark-submit.jar}, run the way a cluster runs it:
 * {@code spark-submit} ({@code org.apache.spark.deploy.SparkSubmit}) on a class path laid out like a Spark 3.5.9
 * distribution's {@code jars/} — Spark's own Jackson 2.15.2 and jackson-module-scala 2.15.2, its log4j binding — with
 * the jar as the application. The jar carries our Jackson 2.21 (and commons-io 2.20) relocated, so neither version
 * sees the other (a sweep with {@code --keep-runs} writes run folders, whose CSVs need the newer commons-io); the
 * sweep's files equal the local engine's. Runs after {@code package} (integration-test phase).
 */
class SparkSubmitJarIT {
    private static final Path JAR = Path.of("target/handoff-spark-submit.jar");

    @Test
    void theJarHoldsTheCliAndTheEngineWithJacksonRelocatedAndNoSparkInside() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.handoff.app.cli.HandoffCli");
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("dev/handoff/sweep/spark/SparkSweepEngine.class", "dev/handoff/app/cli/HandoffCli.class",
                    "dev/handoff/shaded/jackson/databind/ObjectMapper.class");
            assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/jackson/") && n.endsWith(".class"))
                    .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/"))
                    .noneMatch(n -> n.startsWith("javafx/"));
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/dev.handoff.sweep.SweepEngine"))
                    .readAllBytes());
            assertThat(services).contains("dev.handoff.sweep.LocalSweepEngine", "dev.handoff.sweep.spark.SparkSweepEngine");
        }
    }

    @Test
    void sparkSubmitOnADistributionsClassPathRunsTheSweepWithTheLocalEnginesAnswer(@TempDir Path dir) throws Exception {
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> spark = Files.list(Path.of("target/spark-lib"));
             Stream<Path> dist = Files.list(Path.of("target/spark-dist-extra"))) {
            spark.filter(p -> !p.getFileName().toString().startsWith("jackson-")).forEach(p -> classPath.add(p.toString()));
            dist.forEach(p -> classPath.add(p.toString()));
        }
        assertThat(classPath).anyMatch(p -> p.endsWith("jackson-databind-2.15.2.jar"))
                .anyMatch(p -> p.endsWith("jackson-module-scala_2.12-2.15.2.jar"))
                .noneMatch(p -> p.contains("jackson-databind-2.21"))
                .anyMatch(p -> p.endsWith("commons-io-2.16.1.jar")).noneMatch(p -> p.contains("commons-io-2.2"));
        Path out = dir.resolve("submitted");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("spark-jvm.options").toAbsolutePath(), "-Xmx1g", "-cp", String.join(File.pathSeparator, classPath),
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                JAR.toAbsolutePath().toString()));
        String[] sweep = Cli.smallLoadSweep(out.toString(), "--engine", "spark", "--keep-runs");
        command.addAll(List.of(sweep));
        Path log = dir.resolve("spark-submit.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log);
        assertThat(p.exitValue()).as(printed).isZero();
        // the run folders' CSVs need commons-io 2.18+, the distribution has 2.16.1: the jar's own is relocated
        assertThat(out.resolve("runs/load=2/icq-tabular-seed2/metrics.csv")).isRegularFile();
        assertThat(out.resolve("runs/load=2/icq-tabular-seed2/summary.json")).isRegularFile();
        assertThat(printed).contains("master local[2]", "sweep load: 8/8 cells done", "\"axis\":\"load\"");

        Cli.Result local = Cli.run(Cli.smallLoadSweep(dir.resolve("local").toString()));
        assertThat(local.code()).isZero();
        assertThat(out.resolve("sweep.csv")).hasSameBinaryContentAs(dir.resolve("local/sweep.csv"));
        assertThat(out.resolve("sweep.png")).hasSameBinaryContentAs(dir.resolve("local/sweep.png"));
    }
}
