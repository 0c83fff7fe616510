package dev.handoff.sweep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded engine's class path and JVM flags: jackson-module-scala matches the project's jackson-databind (Spark
 * 3.5.9's own 2.15 build refuses databind 2.21 when Spark first writes JSON), and {@code spark-jvm.options} — the
 * flags ./handoff and these tests start the JVM with — are exactly those Spark's own launcher adds on Java 17.
 */
class SparkClassPathTest {

    @Test
    void theScalaModuleAcceptsTheProjectsDatabind() {
        var scala = DefaultScalaModule$.MODULE$.version();
        var databind = PackageVersion.VERSION;
        assertThat(databind.getMajorVersion()).isEqualTo(2);
        assertThat(databind.getMinorVersion()).as("the project's Jackson").isEqualTo(21);
        assertThat(scala.getMinorVersion()).isEqualTo(databind.getMinorVersion());
        // this is the call that throws "Scala module 2.15.x requires Jackson Databind version >= 2.15.0 and < 2.16.0"
        new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
    }

    @Test
    void theJvmOptionsFileIsSparksOwnList() throws Exception {
        List<String> file = Files.readAllLines(Path.of("spark-jvm.options")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(file).containsExactly(JavaModuleOptions.defaultModuleOptions().split(" "));
    }
}
