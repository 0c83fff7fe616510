package dev.handoff.sweep.spark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.apache.spark.SparkConf;
import org.slf4j.LoggerFactory;
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
     * Spark, Hadoop and Netty log at INFO through the CLI's SLF4J backend, Logback, whose console shows INFO: raise those
     * loggers to WARN unless a configuration chose a level for them. Under spark-submit SLF4J is the cluster's log4j and
     * its configuration applies: nothing to do.
     */
    static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            for (String name : NOISY_LOGGERS) {
                quiet(logback.getLogger(name), Level.WARN);
            }
            quiet(logback.getLogger("org.apache.hadoop.util.NativeCodeLoader"), Level.ERROR); // Java's code is used: fine
        }
    }

    private static void quiet(Logger logger, Level level) {
        if (logger.getLevel() == null) {
            logger.setLevel(level);
        }
    }
}
