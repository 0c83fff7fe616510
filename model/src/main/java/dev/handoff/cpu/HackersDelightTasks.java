package dev.handoff.cpu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.input.InputException;
import dev.handoff.input.InputFiles;
import dev.handoff.input.JsonInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the {@link HackersDelightTask}s from {@code hackers_delight_specs.json} and {@code hackers_delight_vectors.csv}. */
public final class HackersDelightTasks {
    public static final String SPECS_FILE = "hackers_delight_specs.json";
    public static final String VECTORS_FILE = "hackers_delight_vectors.csv";

    private HackersDelightTasks() {
    }

    /**
     * All tasks in spec-file order, read from the data directory {@code dir}. A missing or malformed file is refused
     * with an {@link InputException} (unchecked, as {@link UncheckedIOException}) naming the file and the JSON Pointer
     * or line.
     */
    public static List<HackersDelightTask> load(Path dir) {
        try {
            return read(dir);
        } catch (InputException e) {
            throw e.unchecked();
        }
    }

    private static List<HackersDelightTask> read(Path dir) throws InputException {
        Path specsFile = dir.resolve(SPECS_FILE);
        String specsName = specsFile.toString();
        JsonNode specs = JsonInput.readTree(specsFile, specsName);
        if (!specs.isArray() || specs.isEmpty()) {
            throw InputException.of(specsName, "expected a non-empty array of task specs");
        }
        Map<String, List<long[]>> rows = readVectors(dir.resolve(VECTORS_FILE));
        List<HackersDelightTask> tasks = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            JsonNode spec = specs.get(i);
            String at = "/" + i;
            String id = text(spec, "id", specsName, at);
            List<String> params = strings(spec, "params", specsName, at);
            Map<Difficulty, List<String>> grammars = new EnumMap<>(Difficulty.class);
            for (Difficulty d : Difficulty.values()) {
                grammars.put(d, strings(spec, d.jsonKey(), specsName, at));
            }
            List<long[]> taskRows = rows.get(id);
            if (taskRows == null || taskRows.isEmpty()) {
                throw InputException.of(dir.resolve(VECTORS_FILE).toString(), "no vectors for task \"" + id + "\"");
            }
            tasks.add(new HackersDelightTask(id, text(spec, "description", specsName, at), params,
                text(spec, "returns", specsName, at).equals("Bool"), text(spec, "reference", specsName, at), grammars,
                split(taskRows, false), split(taskRows, true)));
        }
        return List.copyOf(tasks);
    }

    private static String text(JsonNode spec, String field, String source, String at) throws InputException {
        JsonNode v = spec.path(field);
        if (!v.isTextual()) {
            throw InputException.atPointer(source, at + "/" + field, "expected a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode spec, String field, String source, String at) throws InputException {
        JsonNode array = spec.path(field);
        if (!array.isArray()) {
            throw InputException.atPointer(source, at + "/" + field, "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw InputException.atPointer(source, at + "/" + field + "/" + i, "expected a string");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    /** The task with this id, or an exception naming the ids that exist. */
    public static HackersDelightTask byId(List<HackersDelightTask> tasks, String id) {
        for (HackersDelightTask t : tasks) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no task '" + id + "'; known: " + tasks.stream().map(HackersDelightTask::id).toList());
    }

    private static IoVectors split(List<long[]> rows, boolean heldOut) {
        List<long[]> chosen = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (HackersDelightTask.isHeldOut(i) == heldOut) {
                chosen.add(rows.get(i));
            }
        }
        int n = chosen.size();
        int[] a0 = new int[n];
        int[] a1 = new int[n];
        int[] a2 = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long[] r = chosen.get(i);
            a0[i] = (int) r[0];
            a1[i] = (int) r[1];
            a2[i] = (int) r[2];
            out[i] = (int) r[3];
        }
        return new IoVectors(a0, a1, a2, out);
    }

    private static Map<String, List<long[]>> readVectors(Path csv) throws InputException {
        String source = csv.toString();
        Map<String, List<long[]>> byTask = new LinkedHashMap<>();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                .get().parse(new java.io.StringReader(InputFiles.readText(csv, source)))) {
            for (org.apache.commons.csv.CSVRecord r : parser) {
                if (r.getRecordNumber() == 1) {
                    continue; // the header
                }
                long line = parser.getCurrentLineNumber();
                if (r.size() != 5) {
                    throw InputException.atLine(source, line, 0, "expected 5 columns (task, a0, a1, a2, out), found " + r.size());
                }
                long[] row = new long[4];
                for (int c = 1; c <= 4; c++) {
                    row[c - 1] = hex(r.get(c), source, line);
                }
                byTask.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(row);
            }
        } catch (InputException e) {
            throw e;
        } catch (UncheckedIOException | IOException e) {
            throw InputException.ofMalformedCsv(source, e);
        }
        return byTask;
    }

    private static long hex(String s, String source, long line) throws InputException {
        if (s.isEmpty()) {
            return 0;
        }
        if (!s.startsWith("0x") || s.length() < 3 || s.length() > 10) {
            throw InputException.atLine(source, line, 0, "\"" + InputException.abbreviate(s, 40) + "\" is not a 32-bit hex value (0x...)");
        }
        try {
            return Long.parseLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            throw InputException.atLine(source, line, 0, "\"" + InputException.abbreviate(s, 40) + "\" is not a 32-bit hex value (0x...)");
        }
    }

}
