package dev.handoff.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build of Handoff Workbench, as Maven filtered it into {@code handoff-version.properties}. */
public final class AppVersion {
    /** Product name written before the version in a document's {@code writtenBy}. */
    public static final String PRODUCT = "Handoff Workbench";

    private static final String RESOURCE = "/handoff-version.properties";
    private static final String UNKNOWN = "dev";
    private static final String CURRENT = load();

    private AppVersion() {
    }

    /** The project version (e.g. {@code 0.1.0-SNAPSHOT}); {@code dev} when the resource was not filtered. */
    public static String current() {
        return CURRENT;
    }

    /** The {@code writtenBy} value of documents saved by this build: {@code "Handoff Workbench <version>"}. */
    public static String writtenBy() {
        return PRODUCT + " " + CURRENT;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
