package dev.handoff.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of one finished cell (a file under a sweep folder's {@code cells/}, and the row a remote worker sends
 * back): value, seed, algorithm, one reading per policy, seconds and worker. Numbers round-trip exactly (shortest
 * decimal that reads back to the same double; {@code "NaN"} and {@code "Infinity"} as strings), so a sweep assembled
 * from files equals one assembled in memory, bit for bit.
 */
public final class SweepCellJson {
    /** Format version of a cell file; files of another version are measured again. */
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SweepCellJson() {
    }

    record ReadingJson(String policy, LinkedHashMap<String, Double> metrics) {
    }

    record CellJson(int format, double value, long seed, String algorithm, List<ReadingJson> readings, double seconds,
                    String worker) {
    }

    public static byte[] write(SweepCellResult r) {
        List<ReadingJson> readings = new ArrayList<>();
        for (SweepReading reading : r.readings()) {
            readings.add(new ReadingJson(reading.policy(), new LinkedHashMap<>(reading.metrics())));
        }
        try {
            return MAPPER.writeValueAsBytes(new CellJson(FORMAT, r.cell().value(), r.cell().seed(), r.cell().algorithm(),
                    readings, r.seconds(), r.worker()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cell result always has a JSON form", e);
        }
    }

    public static String writeString(SweepCellResult r) {
        return new String(write(r), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads a cell file.
     *
     * @throws IOException when the bytes are not a cell of this format (with what is wrong)
     */
    public static SweepCellResult read(byte[] json) throws IOException {
        CellJson c = MAPPER.readValue(json, CellJson.class);
        if (c.format() != FORMAT) {
            throw new IOException("cell format " + c.format() + ", expected " + FORMAT);
        }
        if (c.algorithm() == null || c.readings() == null) {
            throw new IOException("a cell needs an algorithm and readings");
        }
        List<SweepReading> readings = new ArrayList<>();
        for (ReadingJson r : c.readings()) {
            if (r == null || r.policy() == null || r.metrics() == null) {
                throw new IOException("a reading needs a policy and metrics");
            }
            for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                if (e.getValue() == null) {
                    throw new IOException("metric " + e.getKey() + " of " + r.policy() + " is null");
                }
            }
            readings.add(new SweepReading(r.policy(), r.metrics()));
        }
        return new SweepCellResult(new SweepCell(c.value(), c.seed(), c.algorithm()), readings, c.seconds(), c.worker());
    }

    public static SweepCellResult read(String json) throws IOException {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
