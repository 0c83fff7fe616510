package dev.handoff.workflow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON object of parameters (an environment kind's {@code environment.parameters}, or an object inside it) into
 * typed values. A value of the wrong type or out of its range becomes a {@link Problem} at its JSON path that names the
 * expected type and what was found, and the reader returns the default in its place, so that a kind reports every
 * problem at once; {@link #refuseUnknown} then reports each key nobody asked for, with a did-you-mean.
 */
public final class ParameterReader {
    /** Where an environment's parameters sit in a workflow document. */
    public static final String ENVIRONMENT_PARAMETERS = "/environment/parameters";

    private final Map<String, ?> values;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    /** A reader of {@code values} (null: none) at JSON path {@code path}, adding its problems to {@code problems}. */
    public ParameterReader(Map<String, ?> values, String path, List<Problem> problems) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
        this.problems = problems;
    }

    /** A reader of an environment's parameters, at {@value #ENVIRONMENT_PARAMETERS}. */
    public static ParameterReader of(EnvironmentSpec env, List<Problem> problems) {
        return new ParameterReader(env == null ? null : env.parameters(), ENVIRONMENT_PARAMETERS, problems);
    }

    /**
     * What {@code read} reads when it finds no problem (a kind's parameters of a workflow that must be valid); otherwise
     * an {@link IllegalArgumentException} that lists every problem with its path.
     */
    public static <T> T readValid(String kind, java.util.function.Function<List<Problem>, T> read) {
        List<Problem> problems = new ArrayList<>();
        T value = read.apply(problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + kind + " parameters: " + problems);
        }
        return value;
    }

    /** The JSON path of this object. */
    public String path() {
        return path;
    }

    /** The JSON path of one of its keys. */
    public String pathOf(String key) {
        return JsonPointers.child(path, key);
    }

    /** Whether {@code key} is given (with any value, null included); the key counts as known. */
    public boolean has(String key) {
        known.add(key);
        return values.containsKey(key);
    }

    /**
     * Whether {@code key} is given; when it is not, reports it missing ({@code missing required field "baseUrl" (e.g.
     * http://localhost:11434/v1)}, with {@code hint} in brackets when there is one) at the path of this object.
     */
    public boolean require(String key, String hint) {
        if (has(key)) {
            return true;
        }
        problems.add(new Problem(path, "missing required field \"" + key + "\"" + (hint == null ? "" : " (" + hint + ")")));
        return false;
    }

    /** How many problems have been found so far (by this reader and every reader sharing its list). */
    public int problemCount() {
        return problems.size();
    }

    /** Adds a problem at the path of this object itself. */
    public void problemHere(String message) {
        problems.add(new Problem(path, message));
    }

    /** Adds a problem at the path of {@code key} (a rule between parameters, or one only the kind can check). */
    public void problem(String key, String message) {
        problems.add(new Problem(pathOf(key), message));
    }

    /** A finite number ({@code fallback} when absent). */
    public double number(String key, double fallback) {
        return number(key, fallback, Range.ANY);
    }

    /** A finite number in {@code range} ({@code fallback} when absent or wrong). */
    public double number(String key, double fallback, Range range) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && range.contains(n.doubleValue())) {
            return n.doubleValue();
        }
        expected(key, "a number" + range.describe(), v);
        return fallback;
    }

    /** A whole number in {@code range} ({@code fallback} when absent or wrong); {@code 6.0} is not a whole number. */
    public long wholeNumber(String key, long fallback, Range range) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        boolean fitsLong = !(v instanceof BigInteger b) || b.bitLength() < Long.SIZE;
        if (isWhole(v) && fitsLong && range.contains(((Number) v).doubleValue())) {
            return ((Number) v).longValue();
        }
        expected(key, "a whole number" + range.describe(), v);
        return fallback;
    }

    /** A whole number that fits an {@code int}, in {@code range}. */
    public int wholeInt(String key, int fallback, Range range) {
        return (int) wholeNumber(key, fallback, range.intersect(Range.closed(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    /** A string ({@code fallback} when absent or not a string); an empty or blank one is refused. */
    public String text(String key, String fallback) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        expected(key, "a non-empty string", v);
        return fallback;
    }

    /**
     * One of the named values ({@code fallback} when absent or unknown); the names are compared ignoring case, and an
     * unknown one is reported with the known ones and a did-you-mean.
     */
    public <T> T choice(String key, T fallback, Map<String, T> byName) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof String s) {
            for (Map.Entry<String, T> e : byName.entrySet()) {
                if (e.getKey().equalsIgnoreCase(s)) {
                    return e.getValue();
                }
            }
        }
        String names = String.join(", ", byName.keySet().stream().map(n -> "\"" + n + "\"").toList());
        problem(key, "expected one of " + names + ", found " + describe(v)
                + (v instanceof String s ? DidYouMean.suffix(s, byName.keySet()) : ""));
        return fallback;
    }

    /** A list of strings ({@code fallback} when absent or wrong); each wrong element is reported at its own path. */
    public List<String> texts(String key, List<String> fallback) {
        known.add(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) {
            expected(key, "a list of strings", v);
            return fallback;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && !s.isBlank()) {
                out.add(s);
            } else {
                problems.add(new Problem(JsonPointers.child(pathOf(key), i), "expected a non-empty string, found "
                        + describe(list.get(i))));
                ok = false;
            }
        }
        return ok ? out : fallback;
    }

    /** The object at {@code key}, as a reader of its own; empty when absent, or (reported) when not an object. */
    public Optional<ParameterReader> object(String key) {
        known.add(key);
        if (!values.containsKey(key)) {
            return Optional.empty();
        }
        Object v = values.get(key);
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new ParameterReader(stringKeys(m), pathOf(key), problems));
        }
        expected(key, "an object", v);
        return Optional.empty();
    }

    /**
     * The object at {@code key} whose every value is an object (agent id → settings): a reader per entry, in document
     * order; entries that are not objects are reported and left out. Empty when absent or not an object.
     */
    public Map<String, ParameterReader> objects(String key, String shape) {
        Map<String, ParameterReader> out = new LinkedHashMap<>();
        object(key).ifPresent(outer -> {
            for (Map.Entry<String, ?> e : outer.values.entrySet()) {
                outer.known.add(e.getKey());
                if (e.getValue() instanceof Map<?, ?> m) {
                    out.put(e.getKey(), new ParameterReader(stringKeys(m), outer.pathOf(e.getKey()), problems));
                } else {
                    outer.expected(e.getKey(), shape, e.getValue());
                }
            }
        });
        return out;
    }

    /**
     * Reports every key that no read asked for, as {@code unknown <what> "lamda"; did you mean "lambda"? (known: ...)}.
     * Call it after reading every parameter.
     */
    public void refuseUnknown(String what) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problem(key, "unknown " + what + " \"" + key + "\"" + DidYouMean.suffix(key, known)
                        + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The keys read so far (what {@link #refuseUnknown} accepts). */
    public Collection<String> knownKeys() {
        return List.copyOf(known);
    }

    private void expected(String key, String type, Object found) {
        problem(key, "expected " + type + ", found " + describe(found));
    }

    private static boolean isWhole(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** How a value found in a document reads in a message: {@code the string "abc"}, {@code -1}, {@code 6.0}, {@code a list}. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof Number || v instanceof Boolean) { // a double keeps its ".0": 6.0 is not a whole number
            return v.toString();
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return v.getClass().getSimpleName();
    }

    /** A number as a message shows it: whole numbers without {@code .0}. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** The values a number may take: an interval of the reals, either end open, closed or unbounded. */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        /** Every finite number. */
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        /** [min, max]. */
        public static Range closed(double min, double max) {
            return new Range(min, true, max, true);
        }

        /** (min, max). */
        public static Range open(double min, double max) {
            return new Range(min, false, max, false);
        }

        /** [min, ∞). */
        public static Range atLeast(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, false);
        }

        /** (min, ∞). */
        public static Range above(double min) {
            return new Range(min, false, Double.POSITIVE_INFINITY, false);
        }

        public boolean contains(double v) {
            return (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
        }

        Range intersect(Range o) {
            boolean tighterMin = o.min > min || (o.min == min && !o.minIncluded);
            boolean tighterMax = o.max < max || (o.max == max && !o.maxIncluded);
            return new Range(tighterMin ? o.min : min, tighterMin ? o.minIncluded : minIncluded,
                    tighterMax ? o.max : max, tighterMax ? o.maxIncluded : maxIncluded);
        }

        /** {@code " in [0, 1]"}, {@code " ≥ 1"}, {@code " > 0"}, or {@code ""} for any number. */
        String describe() {
            // an int's own limits are no range a person chose: leave them out of the message
            boolean noMin = min == Double.NEGATIVE_INFINITY || min == Integer.MIN_VALUE;
            boolean noMax = max == Double.POSITIVE_INFINITY || max == Integer.MAX_VALUE;
            if (noMin && noMax) {
                return "";
            }
            if (noMax) {
                return (minIncluded ? " ≥ " : " > ") + number(min);
            }
            if (noMin) {
                return (maxIncluded ? " ≤ " : " < ") + number(max);
            }
            return String.format(Locale.ROOT, " in %s%s, %s%s", minIncluded ? "[" : "(", number(min), number(max),
                    maxIncluded ? "]" : ")");
        }
    }
}
