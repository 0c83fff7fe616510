package dev.handoff.input;

/**
 * A file cannot be used: unreadable, malformed, of the wrong shape or beyond a documented limit. Its message is one
 * plain line a person can act on, {@code where: what}, where {@code where} is the file as the user named it followed by
 * the place in it: a JSON Pointer ({@code bundle/agents/a0.json#/views/3/q/0}) or a line and column
 * ({@code net.graphml:12:7}), in the compiler style that editors link to. An {@link java.io.IOException}, so code
 * that reads files already handles it; the CLI reports it as invalid input (exit 2).
 */
public class InputException extends java.io.IOException {
    private final String source;
    private final String location;
    private final String detail;

    public InputException(String source, String location, String detail) {
        this(source, location, detail, null);
    }

    public InputException(String source, String location, String detail, Throwable cause) {
        super(line(source, location, detail), cause);
        this.source = source;
        this.location = location == null ? "" : location;
        this.detail = detail;
    }

    /** A problem with the file as a whole. */
    public static InputException of(String source, String detail) {
        return new InputException(source, "", detail);
    }

    /**
     * A CSV text Apache Commons CSV could not parse (an unclosed quote): it reports that as an I/O error, wrapped in an
     * {@link java.io.UncheckedIOException} when it comes from the record iterator; this says what the parser said,
     * without the wrapper's class names.
     */
    public static InputException ofMalformedCsv(String source, Exception e) {
        Throwable why = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return of(source, oneLine(String.valueOf(why.getMessage())));
    }

    /** A problem at a JSON Pointer ({@code ""} is the whole document). */
    public static InputException atPointer(String source, String pointer, String detail) {
        return new InputException(source, pointer == null || pointer.isEmpty() ? "" : "#" + pointer, detail);
    }

    /** A problem at a line (1-based) and, when known (&gt; 0), a column. */
    public static InputException atLine(String source, long line, long column, String detail) {
        return new InputException(source, line <= 0 ? "" : ":" + line + (column > 0 ? ":" + column : ""), detail);
    }

    /** The file as the user named it. */
    public String source() {
        return source;
    }

    /** {@code "#/pointer"}, {@code ":line:column"} or {@code ""}. */
    public String location() {
        return location;
    }

    /** What is wrong, without the place. */
    public String detail() {
        return detail;
    }

    /** This refusal as an unchecked exception, for loaders called where no checked exception can pass (the CLI still
     * reports it as invalid input). */
    public java.io.UncheckedIOException unchecked() {
        return new java.io.UncheckedIOException(getMessage(), this);
    }

    /** The same problem reported for another file name (a loader that read a file on behalf of another). */
    public InputException inSource(String otherSource) {
        return new InputException(otherSource, location, detail, this);
    }

    private static String line(String source, String location, String detail) {
        return (source == null ? "" : source) + (location == null ? "" : location) + ": " + oneLine(detail);
    }

    /** {@code text} on one line, cut to {@code max} characters with "..." (for quoting a file's content in a message). */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        String one = oneLine(text);
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }

    /**
     * {@code text} with every control character shown as an escape ({@code \n}, {@code \u001b}): for names and values
     * quoted from a file, so that a message stays one line and a terminal escape in a file does nothing.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** {@code text} on one line: line breaks and other control characters become spaces. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
