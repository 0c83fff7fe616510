package dev.handoff.workflow;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Spelling suggestions for names in error messages ({@code did you mean "verifier"?}), by commons-text's
 * {@link LevenshteinDistance}.
 */
public final class DidYouMean {
    /** The most edits a suggestion may be away from the word; a short word (3 letters or fewer) allows only one. */
    static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code word} (case-insensitive edit distance; the first of equally close ones), if it is
     * close enough to be a plausible typo: at most {@value #MAX_EDITS} edits, one for a word of three letters or fewer.
     * Two swapped letters ({@code nmae} for {@code name}) are two edits.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return Optional.empty();
        }
        int limit = word.length() <= 3 ? 1 : MAX_EDITS;
        LevenshteinDistance distance = new LevenshteinDistance(limit); // -1 beyond the limit, and stops early there
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.isEmpty() || c.equals(word)) {
                continue;
            }
            int d = distance.apply(w, c.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean \"x\"?"}, or the empty string when nothing is close. */
    public static String suffix(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }
}
