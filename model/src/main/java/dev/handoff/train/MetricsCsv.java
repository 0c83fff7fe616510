package dev.handoff.train;

import dev.handoff.workflow.Workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongBiFunction;

/**
 * {@code metrics.csv} of a run folder: one row per window and seed at full resolution — return, and per agent the mean
 * |TD error| and decisions, per handoff edge the scalar's mean, spread and count. Numbers with six significant digits,
 * empty where there is none (a window without finished episodes has no return).
 */
final class MetricsCsv implements AutoCloseable {
    private final RunCsv csv;
    private final int agents;
    private final int edges;

    MetricsCsv(Path file, Workflow w, ToLongBiFunction<String, Long> keepUpTo) {
        List<String> agentIds = w.agents().stream().map(a -> a.id()).toList();
        List<String> edgeNames = w.handoffs().stream().map(h -> h.from() + "->" + h.to()).toList();
        List<String> header = new ArrayList<>(List.of("algorithm", "seed", "handoffs", "episodes", "episodes_in_window",
                "mean_episode_return", "epsilon"));
        for (String a : agentIds) {
            header.add("td_abs[" + a + "]");
            header.add("decisions[" + a + "]");
        }
        for (String e : edgeNames) {
            header.add("scalar_mean[" + e + "]");
            header.add("scalar_std[" + e + "]");
            header.add("scalar_count[" + e + "]");
        }
        this.agents = agentIds.size();
        this.edges = edgeNames.size();
        this.csv = new RunCsv(file, header, keepUpTo);
    }

    void append(TrainingWindow w) {
        List<String> r = new ArrayList<>(7 + 2 * agents + 3 * edges);
        r.add(w.algorithm().cliName());
        r.add(Long.toString(w.seed()));
        r.add(Long.toString(w.handoffs()));
        r.add(Long.toString(w.episodes()));
        r.add(Integer.toString(w.episodesInWindow()));
        r.add(num(w.meanEpisodeReturn()));
        r.add(num(w.epsilon()));
        for (int i = 0; i < agents; i++) {
            r.add(num(w.meanAbsTdByAgent()[i]));
            r.add(Long.toString(w.decisionsByAgent()[i]));
        }
        for (int e = 0; e < edges; e++) {
            r.add(num(w.scalarMeanByEdge()[e]));
            r.add(num(w.scalarStdByEdge()[e]));
            r.add(Long.toString(w.scalarCountByEdge()[e]));
        }
        csv.append(r);
    }

    void flush() {
        csv.flush();
    }

    @Override
    public void close() {
        csv.close();
    }

    /** A number as the run folder's CSVs write it: six significant digits, or empty for NaN. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
