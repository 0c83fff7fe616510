package dev.handoff.workflow;

import java.util.Collection;
import java.util.Optional;

/** Spelling suggestions for names in error messages ({@code did you mean "verifier"?}), by edit distance. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code word} (case-insensitive Levenshtein distance), if it is close enough to be a
     * plausible typo: at most 2 edits, and fewer than half the word's length.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return Optional.empty();
        }
        String w = word.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.isEmpty() || c.equals(word)) {
                continue;
            }
            int d = distance(w, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.min(2, Math.max(1, (word.length() - 1) / 2));
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean \"x\"?"}, or the empty string when nothing is close. */
    public static String suffix(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }

    /** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
