package dev.handoff.input;

import java.util.List;
import java.util.Locale;

/**
 * The documented limits on what Handoff Workbench reads and builds, in one place (docs/RELIABILITY.md lists each, with
 * the test that keeps it). Every loader checks them before it allocates what they guard, and every refusal names the
 * limit ({@code "60000 agents exceed max-agents = 50000"}).
 */
public final class InputLimits {
    /**
     * One limit: its name as refusals and the docs print it, its value, the unit and what it guards.
     */
    public record Limit(String name, long value, String unit, String guards) {
        public boolean allows(long found) {
            return found <= value;
        }

        /** {@code "<found> <unit> exceed <name> = <value>"}: the tail of a refusal. */
        public String exceeded(long found) {
            return found + " " + unit + " exceed " + this;
        }

        /** Throws {@link LimitExceededException} with {@code "<what>: <found> <unit> exceed <name> = <value>"}. */
        public void check(long found, String what) {
            if (!allows(found)) {
                throw new LimitExceededException(this, what + ": " + exceeded(found));
            }
        }

        @Override
        public String toString() {
            return name + " = " + value;
        }
    }

    /** Any one file a loader reads: checked from the file's size before a byte is read. */
    public static final Limit FILE_BYTES = new Limit("max-file-bytes", 64L << 20, "bytes",
            "the size of any one file a loader reads (workflow, bundle, run folder, topology, data, replay)");
    /** Nesting of objects and arrays in any JSON file (Jackson's StreamReadConstraints, checked while parsing). */
    public static final Limit JSON_DEPTH = new Limit("max-json-depth", 64, "levels",
            "nesting of objects and arrays in any JSON file");
    /** JSON tokens of one file (Jackson's StreamReadConstraints): bounds the tree a file can make. */
    public static final Limit JSON_TOKENS = new Limit("max-json-tokens", 20_000_000, "tokens",
            "values, names and brackets of any one JSON file: bounds the tree it can build");
    /** Any one string or property name in a JSON file, and any one data value of a GraphML file. */
    public static final Limit STRING_CHARS = new Limit("max-string-chars", 1L << 16, "characters",
            "any one string or property name of a JSON file (names, ids, descriptions), any one data value of a GraphML file");
    /** Agents of a workflow, routers of an imported topology, agents of a synthetic template. */
    public static final Limit AGENTS = new Limit("max-agents", 50_000, "agents",
            "agents of a workflow; routers of an imported topology; --agents of handoff new");
    /** Handoff edges of a workflow; an imported topology makes two per link. */
    public static final Limit HANDOFFS = new Limit("max-handoffs", 1_000_000, "handoffs",
            "handoff edges of a workflow (an imported link makes two)");
    /** Features of the artifact schema. */
    public static final Limit FEATURES = new Limit("max-features", 1_024, "features", "artifact features of a workflow");
    /** Interface views of one agent: the rows of its Q-table. */
    public static final Limit VIEWS = new Limit("max-views-per-agent", 1L << 24, "views",
            "interface views of one agent, the rows of its Q-table");
    /** Joint states the exact solver takes: its occupancy and mixing time use dense n×n matrices (Java arrays). */
    public static final Limit EXACT_STATES = new Limit("max-exact-states", 46_340, "joint states",
            "joint states of a model the exact solver analyses (handoff exact, error components): its dense n×n "
                    + "matrices are Java arrays");
    /** One reply of a live chat-completions endpoint, read no further. */
    public static final Limit REPLY_BYTES = new Limit("max-reply-bytes", 4L << 20, "bytes",
            "one reply of a live endpoint (LLM agents, the CPU live coder)");
    /** The share of the maximum heap that one exact model, dense matrix or run's Q-tables may take. */
    public static final Limit HEAP_PERCENT = new Limit("max-heap-percent", 75, "percent",
            "of the Java heap (-Xmx) that an exact model, the exact solver's dense matrices or a run's Q-tables may take");

    private static final List<Limit> ALL = List.of(FILE_BYTES, JSON_DEPTH, JSON_TOKENS, STRING_CHARS, AGENTS, HANDOFFS,
            FEATURES, VIEWS, EXACT_STATES, REPLY_BYTES, HEAP_PERCENT);

    private InputLimits() {
    }

    /** Every documented limit. */
    public static List<Limit> all() {
        return ALL;
    }

    /** A byte count for people: {@code 812 bytes}, {@code 3.4 MB}, {@code 21.0 GB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
