package dev.handoff.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines files (one JSON value per line: data sets, replay files), read as untrusted input with the limits and
 * strictness of {@link JsonInput}; a problem names the file and line, and the JSON Pointer within the line
 * ({@code live.jsonl:12: /question: expected a whole number, found the string "x"}).
 */
public final class JsonLines {
    private JsonLines() {
    }

    /** One non-blank line: its 1-based number and its value. */
    public record Line(long number, JsonNode value) {
    }

    /** Every non-blank line of a file, parsed. */
    public static List<Line> read(Path file, String source) throws InputException {
        List<Line> lines = new ArrayList<>();
        long number = 0;
        for (String text : InputFiles.readText(file, source).split("\n", -1)) {
            number++;
            if (!text.isBlank()) {
                lines.add(new Line(number, parse(text, source, number)));
            }
        }
        return lines;
    }

    /** One line's text as a value; a problem is reported at that line. */
    public static JsonNode parse(String text, String source, long number) throws InputException {
        try {
            return JsonInput.parseTree(text, source);
        } catch (InputException e) {
            throw atLine(e, source, number);
        }
    }

    /** A line's value bound to a type; a problem is reported at the line and its JSON Pointer. */
    public static <T> T bind(Line line, Class<T> type, String source) throws InputException {
        try {
            return JsonInput.bind(line.value(), type, source);
        } catch (InputException e) {
            throw atLine(e, source, line.number());
        }
    }

    /** A required text field of a line's object. */
    public static String text(Line line, String field, String source) throws InputException {
        JsonNode v = line.value().path(field);
        if (!v.isTextual()) {
            throw InputException.atLine(source, line.number(), 0, "/" + field + ": expected a string, found "
                    + (v.isMissingNode() ? "nothing" : JsonProblems.describeNode(v)));
        }
        return v.asText();
    }

    private static InputException atLine(InputException e, String source, long number) {
        String location = e.location();
        String column = location.startsWith(":1:") ? location.substring(3) : "";
        String pointer = location.startsWith("#") ? location.substring(1) + ": " : "";
        return new InputException(source, ":" + number + (column.isEmpty() ? "" : ":" + column), pointer + e.detail(), e);
    }
}
