package dev.handoff.exact;

import dev.handoff.exact.FiniteSmdp.SparseRow;

/** Shape and probability checks on a {@link FiniteSmdp} and a behaviour policy, with messages that name the place. */
public final class ModelChecks {
    private static final double MASS_TOLERANCE = 1e-9;

    private ModelChecks() {
    }

    /** Throws {@link IllegalArgumentException} naming the first entry that breaks the FiniteSmdp contract. */
    public static void requireWellFormed(FiniteSmdp smdp) {
        int n = smdp.stateCount();
        int views = smdp.viewCount();
        require(n > 0, "the model has no states");
        require(smdp.viewOffset().length == smdp.agentCount() && smdp.viewCountOfAgent().length == smdp.agentCount()
                && smdp.actionCountOfAgent().length == smdp.agentCount(), "per-agent arrays must have agentCount entries");
        for (int i = 0; i < smdp.agentCount(); i++) {
            int expectedOffset = i == 0 ? 0 : smdp.viewOffset()[i - 1] + smdp.viewCountOfAgent()[i - 1];
            require(smdp.viewOffset()[i] == expectedOffset, "viewOffset[" + i + "] = " + smdp.viewOffset()[i]
                    + ", expected " + expectedOffset + " (views of agent i follow those of agent i−1)");
        }
        require(smdp.viewOf().length == n && smdp.reward().length == n && smdp.kernel().length == n
                && smdp.next().length == n && smdp.discount().length == n && smdp.initial().length == n,
                "per-state arrays must all have " + n + " entries");
        double initialMass = 0;
        for (int s = 0; s < n; s++) {
            int agent = smdp.agentOf()[s];
            require(agent >= 0 && agent < smdp.agentCount(), "agentOf[" + s + "] = " + agent + " is not an agent");
            int z = smdp.viewOf()[s];
            int offset = smdp.viewOffset()[agent];
            require(z >= offset && z < offset + smdp.viewCountOfAgent()[agent] && z < views,
                    "viewOf[" + s + "] = " + z + " is not a view of agent " + agent);
            int actions = smdp.actionCount(s);
            require(smdp.reward()[s].length == actions && smdp.kernel()[s].length == actions
                    && smdp.next()[s].length == actions && smdp.discount()[s].length == actions,
                    "state " + s + ": reward/kernel/next/discount rows must have " + actions + " actions");
            for (int a = 0; a < actions; a++) {
                double discount = smdp.discount()[s][a];
                require(discount >= 0 && discount <= 1, "discount[" + s + "][" + a + "] = " + discount);
                require(Double.isFinite(smdp.reward()[s][a]), "reward[" + s + "][" + a + "] is not finite");
                double kernelMass = checkRow(smdp.kernel()[s][a], n, "kernel[" + s + "][" + a + "]");
                require(kernelMass <= discount + MASS_TOLERANCE, "kernel[" + s + "][" + a + "]: mass " + kernelMass
                        + " exceeds E[γ^τ] = " + discount);
                double nextMass = checkRow(smdp.next()[s][a], n, "next[" + s + "][" + a + "]");
                require(Math.abs(nextMass - 1) <= MASS_TOLERANCE, "next[" + s + "][" + a + "]: mass " + nextMass
                        + ", expected 1");
            }
            require(smdp.initial()[s] >= 0, "initial[" + s + "] is negative");
            initialMass += smdp.initial()[s];
        }
        require(Math.abs(initialMass - 1) <= MASS_TOLERANCE, "initial: mass " + initialMass + ", expected 1");
    }

    /** Throws unless b[view][a] is a probability vector over the view's agent's actions, for every view. */
    public static void requireBehaviour(FiniteSmdp smdp, double[][] behaviour) {
        require(behaviour.length == smdp.viewCount(), "behaviour has " + behaviour.length + " views, the model "
                + smdp.viewCount());
        for (int z = 0; z < behaviour.length; z++) {
            int actions = smdp.actionCountOfAgent()[smdp.agentOfView(z)];
            require(behaviour[z].length == actions, "behaviour[" + z + "] has " + behaviour[z].length
                    + " actions, expected " + actions);
            double mass = 0;
            for (int a = 0; a < actions; a++) {
                require(behaviour[z][a] >= 0, "behaviour[" + z + "][" + a + "] is negative");
                mass += behaviour[z][a];
            }
            require(actions == 0 || Math.abs(mass - 1) <= MASS_TOLERANCE, "behaviour[" + z + "]: mass " + mass
                    + ", expected 1");
        }
    }

    private static double checkRow(SparseRow row, int n, String where) {
        require(row.index().length == row.weight().length, where + ": index and weight lengths differ");
        double mass = 0;
        for (int e = 0; e < row.index().length; e++) {
            int target = row.index()[e];
            require(target >= 0 && target < n, where + ": target " + target + " is not a state");
            require(row.weight()[e] >= 0, where + ": negative weight " + row.weight()[e]);
            mass += row.weight()[e];
        }
        return mass;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
