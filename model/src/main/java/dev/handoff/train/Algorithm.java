package dev.handoff.train;

import java.util.Arrays;
import java.util.Locale;

/** The learners a run can use, by their names on the command line and in workflow files. */
public enum Algorithm {
    /** Tabular IC-Q: one table per agent over its interface keys, one scalar per handoff (ICQ.md §2). */
    ICQ_TABULAR("icq-tabular"),
    /** Neural IC-Q: one DJL Q-network per agent over its interface encoding, one scalar per handoff (ICQ.md §3). */
    ICQ_NEURAL("icq-neural"),
    /** The centralised oracle: Q-learning on the joint state, handed over through the privileged interface. */
    ORACLE("oracle"),
    /** The baseline: the same agents with no scalar; each bootstraps 0 at its handoffs. */
    INDEPENDENT("independent");

    private final String cliName;

    Algorithm(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Algorithm parse(String name) {
        for (Algorithm a : values()) {
            if (a.cliName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm \"" + name + "\" (known: "
                + String.join(", ", Arrays.stream(values()).map(Algorithm::cliName).toList()) + ")");
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
