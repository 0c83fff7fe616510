package dev.handoff.train.live;

import dev.handoff.train.RunFolderWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A past run's return curve, read back from its run folder so the Runs panel can overlay it on the live chart: the
 * greedy return J over handoffs ({@value #GREEDY_FILE}, written by live runs of kinds with an exact model), or else
 * the training return per window ({@code metrics.csv}, written by every run). Either is the mean over the run's seeds.
 */
public final class RunCurves {
    /** The greedy-return points of a live run: {@code algorithm,seed,handoffs,greedy_return}. */
    public static final String GREEDY_FILE = RunFolderWriter.GREEDY_FILE;

    /** What a curve's y values are. */
    public enum Measure {
        /** Return J of the greedy policy (exact, from the kind's model). */
        GREEDY_RETURN,
        /** Mean episode return of the behaviour policy in each window. */
        TRAINING_RETURN
    }

    /** A mean curve over seeds: {@code x} handoffs per seed (increasing), {@code y} the mean return there. */
    public record Curve(Measure measure, double[] x, double[] y, int seeds) {
        public int size() {
            return x.length;
        }
    }

    private RunCurves() {
    }

    /**
     * The run's curve of {@code measure}, or null when the folder holds none (e.g. a {@code handoff train} run has no
     * greedy curve). Greedy points are taken at different handoff counts per seed, so the mean at each recorded count
     * averages every seed's latest value up to it (seeds join once they have one).
     */
    public static Curve read(Path runDir, Measure measure) throws IOException {
        return measure == Measure.GREEDY_RETURN ? greedy(runDir.resolve(GREEDY_FILE)) : training(runDir.resolve("metrics.csv"));
    }

    private static Curve greedy(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        // (handoffs, seed) → J, in handoff order
        TreeMap<Long, Map<Long, Double>> byHandoffs = new TreeMap<>();
        for (String[] cells : rows(file, RunFolderWriter.GREEDY_HEADER)) {
            byHandoffs.computeIfAbsent(Long.parseLong(cells[2]), k -> new TreeMap<>())
                    .put(Long.parseLong(cells[1]), Double.parseDouble(cells[3]));
        }
        Map<Long, Double> latest = new TreeMap<>();
        List<double[]> points = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Double>> e : byHandoffs.entrySet()) {
            latest.putAll(e.getValue());
            points.add(new double[] {e.getKey(), latest.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow()});
        }
        return curve(Measure.GREEDY_RETURN, points, latest.size());
    }

    private static Curve training(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        TreeMap<Long, double[]> sums = new TreeMap<>(); // handoffs → {sum, count}
        java.util.Set<String> seeds = new java.util.HashSet<>();
        for (String[] cells : rows(file, List.of("algorithm", "seed", "handoffs", "episodes", "episodes_in_window",
                "mean_episode_return"))) {
            double r = Double.parseDouble(cells[5]);
            if (Double.isNaN(r)) {
                continue;
            }
            seeds.add(cells[1]);
            double[] s = sums.computeIfAbsent(Long.parseLong(cells[2]), k -> new double[2]);
            s[0] += r;
            s[1]++;
        }
        List<double[]> points = new ArrayList<>();
        sums.forEach((h, s) -> points.add(new double[] {h, s[0] / s[1]}));
        return curve(Measure.TRAINING_RETURN, points, seeds.size());
    }

    private static Curve curve(Measure m, List<double[]> points, int seeds) {
        if (points.isEmpty()) {
            return null;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Curve(m, x, y, seeds);
    }

    /** The data rows of a CSV whose header starts with {@code expectedHeader}; a damaged row is an error naming its line. */
    private static List<String[]> rows(Path file, List<String> expectedHeader) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(in)) {
            for (CSVRecord r : parser) {
                if (r.getRecordNumber() == 1) {
                    if (r.size() < expectedHeader.size() || !r.toList().subList(0, expectedHeader.size()).equals(expectedHeader)) {
                        throw new IOException(file + ": expected a header starting with " + String.join(",", expectedHeader));
                    }
                    continue;
                }
                try {
                    if (r.size() < 4) {
                        throw new NumberFormatException("too few cells");
                    }
                    Long.parseLong(r.get(1));
                    Long.parseLong(r.get(2));
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + parser.getCurrentLineNumber() + ": not a data row (" + e.getMessage() + ")");
                }
                out.add(r.values());
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(file + ": " + e.getCause().getMessage(), e);
        }
        if (out.isEmpty() && Files.size(file) == 0) {
            throw new IOException(file + ": expected a header starting with " + String.join(",", expectedHeader));
        }
        return out;
    }
}
