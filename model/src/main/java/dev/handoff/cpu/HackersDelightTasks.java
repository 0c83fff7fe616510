package dev.handoff.cpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** All tasks in spec-file order, read from the data directory {@code dir}. */
    public static List<HackersDelightTask> load(Path dir) {
        try {
            JsonNode specs = new ObjectMapper().readTree(dir.resolve(SPECS_FILE).toFile());
            Map<String, List<long[]>> rows = readVectors(dir.resolve(VECTORS_FILE));
            List<HackersDelightTask> tasks = new ArrayList<>();
            for (JsonNode spec : specs) {
                String id = spec.get("id").asText();
                List<String> params = strings(spec.get("params"));
                Map<Difficulty, List<String>> grammars = new EnumMap<>(Difficulty.class);
                for (Difficulty d : Difficulty.values()) {
                    grammars.put(d, strings(spec.get(d.jsonKey())));
                }
                List<long[]> taskRows = rows.get(id);
                if (taskRows == null || taskRows.isEmpty()) {
                    throw new IllegalArgumentException(VECTORS_FILE + " has no vectors for " + id);
                }
                tasks.add(new HackersDelightTask(id, spec.get("description").asText(), params,
                    spec.get("returns").asText().equals("Bool"), spec.get("reference").asText(), grammars,
                    split(taskRows, false), split(taskRows, true)));
            }
            return List.copyOf(tasks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Hacker's Delight tasks from " + dir, e);
        }
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

    private static Map<String, List<long[]>> readVectors(Path csv) throws IOException {
        Map<String, List<long[]>> byTask = new LinkedHashMap<>();
        try (java.io.Reader in = Files.newBufferedReader(csv);
             org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(in)) {
            for (org.apache.commons.csv.CSVRecord r : parser) {
                if (r.getRecordNumber() == 1) {
                    continue; // the header
                }
                if (r.size() != 5) {
                    throw new IllegalArgumentException(csv + " line " + parser.getCurrentLineNumber() + ": expected 5 columns, got "
                            + r.size());
                }
                long[] row = {hex(r.get(1)), hex(r.get(2)), hex(r.get(3)), hex(r.get(4))};
                byTask.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return byTask;
    }

    private static long hex(String s) {
        return s.isEmpty() ? 0 : Long.parseLong(s.substring(2), 16);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
