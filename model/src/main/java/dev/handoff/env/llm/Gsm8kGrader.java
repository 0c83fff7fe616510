package dev.handoff.env.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GSM8K grading rules for a model's answer text against the gold answer. {@link #finalNumber} is the
 * re-grading rule (number after {@code ####}, else after an {@code A:} or "answer is" marker, else the last number;
 * commas, {@code $} and {@code %} dropped, decimals compared numerically); {@link #lastIntegerCorrect} is the rule
 * RouteLLM used for its released labels (last run of digits, commas removed).
 */
public final class Gsm8kGrader {
    /**
     * A number: an optional minus sign that is not a hyphen between words or numbers, an optional dollar sign,
     * digits with thousands separators or plain digits, an optional decimal part.
     */
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\w.])(-)?\\$?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?|(?<![\\w.\\d])(-)?\\$?(\\.\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern HASHES = Pattern.compile("####");
    private static final Pattern A_MARKER = Pattern.compile("(?m)^\\s*A:");
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)answer is");

    private Gsm8kGrader() {
    }

    /** The gold number of a GSM8K reference answer (the text after {@code ####}). */
    public static double goldNumber(String referenceAnswer) {
        double v = numberAfterLast(referenceAnswer, HASHES);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("reference answer has no '#### <number>' line");
        }
        return v;
    }

    /**
     * The final number a solution commits to, or NaN when the text has none: the first number after the last
     * {@code ####}, else after the last line starting {@code A:}, else after the last "answer is", else the last
     * number anywhere in the text.
     */
    public static double finalNumber(String text) {
        if (text == null || text.isEmpty()) {
            return Double.NaN;
        }
        double v = numberAfterLast(text, HASHES);
        if (!Double.isNaN(v)) {
            return v;
        }
        v = numberAfterLast(text, A_MARKER);
        if (!Double.isNaN(v)) {
            return v;
        }
        v = numberAfterLast(text, ANSWER_IS);
        if (!Double.isNaN(v)) {
            return v;
        }
        Matcher m = NUMBER.matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = parse(m);
        }
        return last;
    }

    /** True when the text states its final answer explicitly ({@code #### n}, {@code A: n} or "answer is n"). */
    public static boolean hasFinalAnswerMarker(String text) {
        if (text == null) {
            return false;
        }
        return !Double.isNaN(numberAfterLast(text, HASHES)) || !Double.isNaN(numberAfterLast(text, A_MARKER))
                || !Double.isNaN(numberAfterLast(text, ANSWER_IS));
    }

    /** The re-grading rule: the final number equals the gold number (decimals compared numerically). */
    public static boolean isCorrect(String answerText, double gold) {
        return sameNumber(finalNumber(answerText), gold);
    }

    /** Numeric equality of two extracted answers; NaN (no answer) equals nothing. */
    public static boolean sameNumber(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.abs(b));
    }

    /**
     * RouteLLM's rule behind its released labels: the last run of digits of the response equals the last run of
     * digits of the gold answer, commas removed first (so {@code $18.00} grades as {@code 00}, and signs are ignored).
     */
    public static boolean lastIntegerCorrect(String responseText, String goldText) {
        String r = lastDigits(responseText);
        String g = lastDigits(goldText);
        return r != null && g != null && stripLeadingZeros(r).equals(stripLeadingZeros(g));
    }

    private static String lastDigits(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(text.replace(",", ""));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static double numberAfterLast(String text, Pattern marker) {
        Matcher mm = marker.matcher(text);
        int end = -1;
        while (mm.find()) {
            end = mm.end();
        }
        if (end < 0) {
            return Double.NaN;
        }
        // "The number after the marker" must sit on the marker's line (or the first non-blank line after it).
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int lineEnd = text.indexOf('\n', i);
        Matcher m = NUMBER.matcher(text).region(end, lineEnd < 0 ? text.length() : lineEnd);
        return m.find() ? parse(m) : Double.NaN;
    }

    private static double parse(Matcher m) {
        String sign;
        String digits;
        if (m.group(2) != null) {
            sign = m.group(1);
            digits = m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3));
        } else {
            sign = m.group(4);
            digits = "0" + m.group(5);
        }
        double v = Double.parseDouble(digits);
        return sign != null ? -v : v;
    }
}
