package dev.handoff.workflow;

import java.util.Collection;
import java.util.Optional;

/** Spelling suggestions for names in error messages ({@code did you mean "verifier"?}), by edit distance. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code word} (case-insensitive {@link #distance edit distance}), if it is close enough to be a
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

    /**
     * Edit distance where insertions, deletions, substitutions and swaps of two adjacent letters each cost 1
     * (optimal string alignment), so {@code nmae} is one edit from {@code name}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
