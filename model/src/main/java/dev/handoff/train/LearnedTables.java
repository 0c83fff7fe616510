package dev.handoff.train;

import dev.handoff.exact.FiniteSmdp;

/** Trained learners' tables laid out as the exact solver indexes them, for comparison with Q̂ and Q*. */
public final class LearnedTables {
    private LearnedTables() {
    }

    /** IC-Q tables by global view index (view offset of the agent + its interface key). */
    public static double[][] viewTable(FiniteSmdp model, SeedTrainer trainer) {
        if (trainer.usesJointState()) {
            throw new IllegalArgumentException("the oracle learns on joint states: use stateTable");
        }
        double[][] table = new double[model.viewCount()][];
        for (int i = 0; i < trainer.agentCount(); i++) {
            for (int z = 0; z < model.viewCountOfAgent()[i]; z++) {
                double[] row = new double[model.actionCountOfAgent()[i]];
                for (int a = 0; a < row.length; a++) {
                    row[a] = trainer.learner(i).q(z, a);
                }
                table[model.viewOffset()[i] + z] = row;
            }
        }
        return table;
    }

    /** The oracle's tables by joint state (each state read from the learner of the agent that holds it). */
    public static double[][] stateTable(FiniteSmdp model, SeedTrainer trainer) {
        if (!trainer.usesJointState()) {
            throw new IllegalArgumentException("IC-Q learns on interface views: use viewTable");
        }
        double[][] table = new double[model.stateCount()][];
        for (int s = 0; s < table.length; s++) {
            int agent = model.agentOf()[s];
            double[] row = new double[model.actionCountOfAgent()[agent]];
            for (int a = 0; a < row.length; a++) {
                row[a] = trainer.learner(agent).q(s, a);
            }
            table[s] = row;
        }
        return table;
    }
}
