package dev.handoff.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Logging through SLF4J to Logback, set up by each entry point before it does anything else: every message at INFO
 * and above goes to a rolling file {@code <logs>/<name>.log} (5 MB a file, 14 days, 100 MB at most); the console
 * (stderr) gets messages at {@code consoleLevel} and above without stack traces. Uncaught exceptions are logged to
 * the file only, under the logger {@link #ERRORS}.
 */
public final class Logging {
    /** The logger of uncaught exceptions: written to the log file, never to the console. */
    public static final String ERRORS = "dev.handoff.errors";
    private static volatile Path logFile;

    private Logging() {
    }

    /**
     * Configures Logback from {@code logging.xml}; returns the log file. When SLF4J is bound to another backend (the
     * CLI inside {@code spark-submit}, whose log4j comes first), logging is the host's: nothing changes, null.
     */
    public static synchronized Path configure(Path logDirectory, String name, String consoleLevel) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        context.reset();
        context.putProperty("handoff.log.dir", logDirectory.toAbsolutePath().toString());
        context.putProperty("handoff.log.name", name);
        context.putProperty("handoff.log.console", consoleLevel);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(Logging.class.getResource("logging.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("the logging configuration does not load", e);
        }
        logFile = logDirectory.toAbsolutePath().resolve(name + ".log");
        return logFile;
    }

    /** The file messages go to, or null before {@link #configure}. */
    public static Path logFile() {
        return logFile;
    }

    /** Back to Logback's own start-up configuration (tests that configured a temporary folder). */
    public static synchronized void reset() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        logFile = null;
    }
}
