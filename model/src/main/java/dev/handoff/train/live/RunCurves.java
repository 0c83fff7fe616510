package dev.handoff.train.live;

import java.io.IOException;
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
    public static final String GREEDY_FILE = dev.handoff.train.RunFolderWriter.GREEDY_FILE;
    static final String GREEDY_HEADER = dev.handoff.train.RunFolderWriter.GREEDY_HEADER;

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
        for (String[] cells : rows(file, GREEDY_HEADER)) {
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
        for (String[] cells : rows(file, "algorithm,seed,handoffs,episodes,episodes_in_window,mean_episode_return")) {
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

    /** The data rows of a CSV whose header starts with {@code expectedHeader}; a damaged row is an error. */
    private static List<String[]> rows(Path file, String expectedHeader) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(expectedHeader)) {
            throw new IOException(file + ": expected a header starting with " + expectedHeader);
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                if (cells.length < 4) {
                    throw new NumberFormatException("too few cells");
                }
                Long.parseLong(cells[1]);
                Long.parseLong(cells[2]);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a data row (" + e.getMessage() + ")");
            }
            out.add(cells);
        }
        return out;
    }
}
