package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder for IC-Q tables learned without simulating (from agents' traces): written by the same
 * {@link RunFolderWriter} as a tabular {@code handoff train} run of one seed (manifest, workflow copy, checkpoint,
 * summary), so {@code handoff export} and the Runs panel read it like any other; its greedy return is evaluated the
 * same way (exactly where the kind has a model).
 */
public final class TablesRunFolder {
    private TablesRunFolder() {
    }

    /**
     * Writes the folder. {@code q[i]} and {@code visits[i]} are agent i's table and counts, row-major by view;
     * {@code records} is what the manifest gives as the run's handoffs.
     */
    public static TrainingSummary write(Path out, Workflow w, EnvironmentKind kind, long seed, long records, double[][] q,
                                        long[][] visits, double wallSeconds) throws IOException {
        long budget = Math.max(1, records);
        try (SeedRun tables = SeedRuns.create(w, kind, Algorithm.ICQ_TABULAR, seed, budget, null)) {
            LearnedAgents.Tables learned = (LearnedAgents.Tables) tables.learnedAgents();
            for (int i = 0; i < learned.learners().size(); i++) {
                learned.learners().get(i).restore(q[i], visits[i]);
            }
            RunFolderWriter folder = RunFolderWriter.start(out, w, Algorithm.ICQ_TABULAR, List.of(seed), records, tables);
            try {
                folder.checkpoint(tables);
                FiniteSmdp model = GreedyReturn.modelOf(w, kind);
                double j = GreedyReturn.of(tables, model, TrainingPlan.SIMULATED_EPISODES);
                Double oracle = GreedyReturn.oracleReturn(model);
                TrainingSummary summary = new TrainingSummary(Algorithm.ICQ_TABULAR.cliName(), List.of(seed), records, j, 0,
                        List.of(j), GreedyReturn.evaluationKind(model), oracle, oracle == null ? null : oracle - j, null,
                        wallSeconds, records / Math.max(wallSeconds, 1e-9), "finished", out.toString());
                folder.finish(RunManifest.FINISHED, null, summary);
                return summary;
            } finally {
                folder.close();
            }
        }
    }
}
