package dev.handoff.views.training.extension;

import java.util.List;

/**
 * The view-model of a kind's measured panel on a seed (routing, llm-math): a title, a sentence saying what was
 * measured, a table comparing the seed's greedy policy with the kind's baselines, and bars per agent. Immutable and
 * free of the scene graph; {@link MeasuredPanelView} shows it.
 */
public interface MeasuredPanel {
    String title();

    /** What was measured, how, and the headline figure. */
    String header();

    /** The comparison table: column names, then one row of cell texts per policy. */
    Table table();

    /** The per-agent bars. */
    Bars bars();

    /** A table of texts: {@code rows.get(r).get(c)} is under {@code columns.get(c)}. */
    record Table(List<String> columns, List<List<String>> rows) {
        public Table {
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * Grouped bars: for each series, one value per category ({@code values[s][c]}), titled {@code title}, the value
     * axis labelled {@code valueLabel}.
     */
    record Bars(String title, String valueLabel, List<String> categories, List<String> series, double[][] values) {
        public Bars {
            if (values.length != series.size()) {
                throw new IllegalArgumentException(values.length + " value rows for " + series.size() + " series");
            }
            for (double[] v : values) {
                if (v.length != categories.size()) {
                    throw new IllegalArgumentException(v.length + " values for " + categories.size() + " categories");
                }
            }
        }
    }
}
