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
    private final BufferedWriter out;
    private final List<String> agentIds;
    private final List<String> edgeNames;

    public MetricsCsv(Path file, List<String> agentIds, List<String> edgeNames) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.agentIds = agentIds;
        this.edgeNames = edgeNames;
        writeHeader();
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

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
