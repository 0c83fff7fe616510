package dev.handoff.train.live;

import dev.handoff.train.Algorithm;

import java.util.List;

/** Which learners a live run trains: one learner, or IC-Q beside the oracle and the no-scalar baseline on the same seeds. */
public enum TrainingMode {
    ICQ_TABULAR("Tabular IC-Q", List.of(Algorithm.ICQ_TABULAR)),
    /** Neural IC-Q: one DJL Q-network per agent; its seeds share one trainer thread (one gradient collector per process). */
    ICQ_NEURAL("Neural IC-Q", List.of(Algorithm.ICQ_NEURAL)),
    COMPARE("Compare: IC-Q, oracle, independent", List.of(Algorithm.ICQ_TABULAR, Algorithm.ORACLE, Algorithm.INDEPENDENT)),
    ORACLE("Oracle only", List.of(Algorithm.ORACLE)),
    INDEPENDENT("Independent only", List.of(Algorithm.INDEPENDENT)),
    /**
     * Tabular IC-Q learned offline from the agents' own traces (File ▸ Learn from traces…, {@code handoff learn}): one
     * seed, a round over every recorded handoff per window; needs the traces in its request.
     */
    FROM_TRACES("IC-Q from traces (offline)", List.of(Algorithm.ICQ_TABULAR));

    private final String label;
    private final List<Algorithm> algorithms;

    TrainingMode(String label, List<Algorithm> algorithms) {
        this.label = label;
        this.algorithms = algorithms;
    }

    /** Whether the run holds DJL networks (trained on one thread, closed when the run ends). */
    public boolean neural() {
        return algorithms.contains(Algorithm.ICQ_NEURAL);
    }

    /** Whether the run learns from recorded traces rather than a simulator. */
    public boolean fromTraces() {
        return this == FROM_TRACES;
    }

    public List<Algorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return label;
    }
}
