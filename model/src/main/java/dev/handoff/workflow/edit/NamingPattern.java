package dev.handoff.workflow.edit;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next name in a document's own numbering: ids {@code a0 … a9} continue with {@code a10}, names
 * {@code Agent 0 … Agent 9} with {@code Agent 10}, routers {@code r00 … r35} with {@code r36}. A pattern is a text
 * before and after a number shared by at least two existing names (the commonest such pattern wins, the later one of
 * equally common ones; zero padding is kept); when there is none, the fallback's prefix with the first free number from {@code fallbackStart} is used.
 */
public final class NamingPattern {
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\D*)$");

    private NamingPattern() {
    }

    /** A name not in {@code existing}, following the commonest numbered pattern of {@code existing}. */
    public static String next(Collection<String> existing, String fallbackPrefix, int fallbackStart) {
        Set<String> taken = new HashSet<>(existing);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String name : existing) {
            Matcher m = name == null ? null : NUMBERED.matcher(name);
            if (m != null && m.matches() && m.group(2).length() < 10) {
                Group g = groups.computeIfAbsent(m.group(1) + "\u0000" + m.group(3), k -> new Group(m.group(1), m.group(3)));
                g.add(m.group(2));
            }
        }
        Group best = null;
        for (Group g : groups.values()) {
            if (g.count >= 2 && (best == null || g.count >= best.count)) {
                best = g;
            }
        }
        if (best == null) {
            int n = fallbackStart;
            while (taken.contains(fallbackPrefix + n)) {
                n++;
            }
            return fallbackPrefix + n;
        }
        long n = best.max + 1;
        while (taken.contains(best.format(n))) {
            n++;
        }
        return best.format(n);
    }

    /** Names of one pattern: prefix, suffix, the largest number, and the zero padding all of them share (or 0). */
    private static final class Group {
        private final String prefix;
        private final String suffix;
        private int count;
        private long max = -1;
        private int width = -1;

        Group(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        void add(String digits) {
            count++;
            max = Math.max(max, Long.parseLong(digits));
            int w = digits.length() > 1 && digits.startsWith("0") ? digits.length() : 0;
            width = width < 0 ? w : (width == w ? width : 0);
        }

        String format(long n) {
            return prefix + (width > 0 ? String.format("%0" + width + "d", n) : Long.toString(n)) + suffix;
        }
    }
}
