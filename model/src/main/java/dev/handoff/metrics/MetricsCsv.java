package dev.handoff.metrics;

import dev.handoff.train.TrainingWindow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes training windows as {@code metrics.csv}, one row per window and seed, at full resolution: return, and per
 * agent the mean |TD error| and decisions, per edge the scalar's mean, spread and count. Thread-safe appends.
 */
public final class MetricsCsv implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final List<String> agentIds;
    private final List<String> edgeNames;

    public MetricsCsv(Path file, List<String> agentIds, List<String> edgeNames) {
        this(file, agentIds, edgeNames, null);
    }

    /**
     * Opens {@code file} for a run resumed from checkpoints: rows a crashed or stopped run wrote after its checkpoint
     * (handoffs beyond {@code keepUpTo} for that algorithm and seed) are dropped, so the file ends up as an
     * uninterrupted run's. With {@code keepUpTo} null the file is started afresh.
     */
    public MetricsCsv(Path file, List<String> agentIds, List<String> edgeNames, java.util.function.ToLongBiFunction<String, Long> keepUpTo) {
        this.file = file;
        this.agentIds = agentIds;
        this.edgeNames = edgeNames;
        List<String> kept = keptRows(file, keepUpTo);
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeHeader();
        kept.forEach(this::line);
    }

    private void writeHeader() {
        StringBuilder h = new StringBuilder("algorithm,seed,handoffs,episodes,episodes_in_window,mean_episode_return,epsilon");
        for (String a : agentIds) {
            h.append(",td_abs[").append(a).append("],decisions[").append(a).append(']');
        }
        for (String e : edgeNames) {
            h.append(",scalar_mean[").append(e).append("],scalar_std[").append(e).append("],scalar_count[").append(e).append(']');
        }
        line(h.toString());
    }

    public synchronized void append(TrainingWindow w) {
        StringBuilder r = new StringBuilder(256);
        r.append(w.algorithm().cliName()).append(',').append(w.seed()).append(',').append(w.handoffs()).append(',')
                .append(w.episodes()).append(',').append(w.episodesInWindow()).append(',').append(num(w.meanEpisodeReturn()))
                .append(',').append(num(w.epsilon()));
        for (int i = 0; i < agentIds.size(); i++) {
            r.append(',').append(num(w.meanAbsTdByAgent()[i])).append(',').append(w.decisionsByAgent()[i]);
        }
        for (int e = 0; e < edgeNames.size(); e++) {
            r.append(',').append(num(w.scalarMeanByEdge()[e])).append(',').append(num(w.scalarStdByEdge()[e])).append(',')
                    .append(w.scalarCountByEdge()[e]);
        }
        line(r.toString());
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private void line(String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands the rows written so far to the operating system (before a checkpoint, so a killed run keeps them). */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file and orders its rows by algorithm, seed and handoffs (seeds trained in parallel interleave). */
    @Override
    public synchronized void close() {
        try {
            out.close();
            sortRows(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data rows of a run-folder CSV ({@code algorithm,seed,handoffs,...}) to keep when a resumed run reopens it:
     * those at or before {@code keepUpTo} of their algorithm and seed; none when {@code keepUpTo} is null. A row a killed
     * process left half written (the file does not end in a newline, or the row has fewer cells than the header) is
     * dropped: it is past the checkpoint anyway.
     */
    public static List<String> keptRows(Path file, java.util.function.ToLongBiFunction<String, Long> keepUpTo) {
        List<String> kept = new java.util.ArrayList<>();
        if (keepUpTo == null || !Files.exists(file)) {
            return kept;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1); // what follows the last newline: empty, or a torn row
            int cells = lines.isEmpty() ? 0 : lines.get(0).split(",", -1).length;
            for (int i = 1; i < lines.size(); i++) {
                String[] c = lines.get(i).split(",", -1);
                if (c.length == cells && isCount(c[1]) && isCount(c[2])
                        && Long.parseLong(c[2]) <= keepUpTo.applyAsLong(c[0], Long.parseLong(c[1]))) {
                    kept.add(lines.get(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    private static boolean isCount(String cell) {
        return !cell.isEmpty() && cell.length() < 19 && cell.chars().allMatch(Character::isDigit);
    }

    /** Orders the data rows of a run-folder CSV by algorithm, seed and handoffs (seeds trained in parallel interleave). */
    static void sortRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> rows = new java.util.ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(java.util.Comparator.comparing((String r) -> r.split(",", 2)[0])
                .thenComparingLong(r -> Long.parseLong(r.split(",", 3)[1]))
                .thenComparingLong(r -> Long.parseLong(r.split(",", 4)[2])));
        rows.add(0, lines.get(0));
        dev.handoff.util.AtomicFiles.write(file, out -> {
            for (String row : rows) {
                out.write((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
