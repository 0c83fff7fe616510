package dev.handoff.train;

import dev.handoff.components.ComponentReading;
import dev.handoff.components.ErrorComponents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last error-component reading of every seed of a {@link TrainingSession}, for its summaries. Thread safe. */
final class LastReadings {
    private final Map<String, ComponentReading> last = new ConcurrentHashMap<>();

    /** The key of a seed of an algorithm, as the session's restored-at map uses it too. */
    static String key(Algorithm algorithm, long seed) {
        return algorithm.cliName() + "/" + seed;
    }

    /** Keeps {@code reading} (of one of {@code algorithm}'s seeds) as that seed's latest. */
    void record(Algorithm algorithm, ComponentReading reading) {
        last.put(key(algorithm, reading.seed()), reading);
    }

    /** The mean over {@code seeds} (in their order) of their last readings (the summary's fields), or null. */
    Map<String, Object> mean(List<SeedRun> seeds) {
        List<ErrorComponents> readings = new ArrayList<>();
        for (SeedRun t : seeds) {
            ComponentReading r = last.get(key(t.algorithm(), t.seed()));
            if (r != null) {
                readings.add(r.components());
            }
        }
        return ErrorComponents.meanByName(readings);
    }
}
