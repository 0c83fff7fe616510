package dev.handoff.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache Commons CSV's complaints about a malformed file (an unclosed quote, a stray character) as a plain
 * {@code file:line: what} refusal: its exceptions arrive wrapped (an {@code UncheckedIOException} around a
 * {@code CSVException} whose text starts with the class name and "(startline N)"), and none of that may reach a person.
 */
public final class CsvProblems {
    private static final Pattern START_LINE = Pattern.compile("\\((?:startline|line) (\\d+)\\)\\s*");

    private CsvProblems() {
    }

    /** The refusal of {@code source} for Commons CSV's {@code failure}. */
    public static InputException refusal(String source, Exception failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String text = deepest.getMessage() == null ? "not a valid CSV file" : deepest.getMessage();
        Matcher m = START_LINE.matcher(text);
        if (m.find()) {
            String what = (text.substring(0, m.start()) + text.substring(m.end())).strip();
            return InputException.atLine(source, Long.parseLong(m.group(1)), 0, plain(what));
        }
        return InputException.of(source, plain(text));
    }

    private static String plain(String text) {
        String t = InputException.oneLine(text).replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error):\\s*", "");
        return t.isBlank() ? "not a valid CSV file" : t.replace("EOF reached before encapsulated token finished",
                "the file ends inside a quoted field");
    }
}
