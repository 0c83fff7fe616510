package dev.handoff.sweep.spark;

import org.apache.spark.SparkConf;
import scala.Tuple2;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark settings of a sweep: spark-submit's (system properties), the user's {@code --conf}/{@code --master}, defaults. */
final class SparkSettings {
    private static final String[] NOISY_LOGGERS = {"org.apache.spark", "org.sparkproject", "org.apache.hadoop",
            "io.netty", "org.glassfish"};

    private SparkSettings() {
    }

    /** spark.* system properties (spark-submit's), overridden by {@code options}; then the defaults where unset. */
    static SparkConf conf(Map<String, String> options) {
        quietLogs();
        SparkConf conf = new SparkConf(true);
        options.forEach(conf::set);
        conf.setIfMissing("spark.master", SparkSweepEngine.DEFAULT_MASTER);
        conf.setIfMissing("spark.app.name", "handoff sweep");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false"); // the sweep prints its own progress lines
        return conf;
    }

    static Map<String, String> asMap(SparkConf conf) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tuple2<String, String> t : conf.getAll()) {
            out.put(t._1(), t._2());
        }
        return out;
    }

    /**
     * Spark, Hadoop and Netty log at INFO through whatever SLF4J backend the CLI has; with slf4j-simple (the CLI's)
     * that floods stderr, so raise those loggers to WARN unless the user chose a level for them.
     */
    static void quietLogs() {
        for (String logger : NOISY_LOGGERS) {
            quiet(logger, "warn");
        }
        quiet("org.apache.hadoop.util.NativeCodeLoader", "error"); // "no native Hadoop library": Java's is used, fine
    }

    private static void quiet(String logger, String level) {
        String key = "org.slf4j.simpleLogger.log." + logger;
        if (System.getProperty(key) == null) {
            System.setProperty(key, level);
        }
    }
}
